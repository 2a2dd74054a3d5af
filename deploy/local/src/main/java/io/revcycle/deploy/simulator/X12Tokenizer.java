package io.revcycle.deploy.simulator;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an interchange into segments with StAEDI (delimiters come from the ISA). Control
 * structure is not validated here: the simulator checks counts and control numbers itself so it can
 * answer each fault with a 999 instead of giving up on the file.
 */
final class X12Tokenizer {

    /** The segments read, and why reading stopped early (null when the whole input was read). */
    record Tokens(List<X12Segment> segments, String fault) {
    }

    private final EDIInputFactory factory;

    X12Tokenizer() {
        factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, false);
    }

    Tokens read(byte[] x12) {
        List<X12Segment> segments = new ArrayList<>();
        String tag = null;
        int position = 0;
        List<List<String>> elements = new ArrayList<>();
        List<String> composite = null;
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(x12))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        position++;
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> {
                        padTo(elements, reader.getLocation().getElementPosition() - 1);
                        composite = new ArrayList<>();
                    }
                    case END_COMPOSITE -> {
                        elements.add(composite);
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            composite.add(reader.getText());
                        } else if (reader.getLocation().getElementOccurrence() <= 1) {
                            padTo(elements, reader.getLocation().getElementPosition() - 1);
                            elements.add(new ArrayList<>(List.of(reader.getText())));
                        }
                    }
                    case END_SEGMENT -> segments.add(new X12Segment(position, tag, elements));
                    default -> {
                        // envelope boundaries and validation events add nothing to the segment list
                    }
                }
            }
        } catch (EDIStreamException | IOException | RuntimeException e) {
            return new Tokens(segments, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return new Tokens(segments, null);
    }

    private static void padTo(List<List<String>> elements, int size) {
        while (elements.size() < size) {
            elements.add(new ArrayList<>(List.of("")));
        }
    }
}
