package io.revcycle.claims.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an X12 interchange into its segments with StAEDI, which also checks the envelope: ISA/IEA,
 * GS/GE and ST/SE control numbers and counts. Delimiters come from the ISA, never assumed.
 */
public final class X12Reader {

    private final EDIInputFactory factory;

    public X12Reader() {
        factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
    }

    /** Every segment of the interchange, or the first fault with its segment and element. */
    public List<Segment> read(byte[] x12) throws MalformedX12Exception {
        List<Segment> segments = new ArrayList<>();
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
                        composite = new ArrayList<>();
                        padTo(elements, reader.getLocation().getElementPosition() - 1);
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
                    case END_SEGMENT -> segments.add(new Segment(position, tag, trimTrailing(elements)));
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location at = reader.getLocation();
                        throw new MalformedX12Exception(String.valueOf(reader.getErrorType()).toLowerCase().replace('_', ' '),
                                Math.max(at.getSegmentPosition(), position), segmentTag(at, tag),
                                Math.max(at.getElementPosition(), 0));
                    }
                    default -> {
                        // envelope boundaries carry nothing beyond their segments
                    }
                }
            }
        } catch (EDIStreamException e) {
            Location at = e.getLocation();
            int segment = at == null ? position : Math.max(at.getSegmentPosition(), position);
            int element = at == null ? 0 : Math.max(at.getElementPosition(), 0);
            throw new MalformedX12Exception(e.getMessage(), segment, at == null ? tag : segmentTag(at, tag), element, e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedX12Exception("unreadable X12: " + e.getMessage(), position, tag, 0, e);
        }
        if (segments.isEmpty() || !segments.get(0).tag().equals("ISA")) {
            throw new MalformedX12Exception("not an X12 interchange: no ISA segment", 0, null, 0);
        }
        return segments;
    }

    private static String segmentTag(Location at, String fallback) {
        return at.getSegmentTag() != null ? at.getSegmentTag() : fallback;
    }

    private static void padTo(List<List<String>> elements, int size) {
        while (elements.size() < size) {
            elements.add(new ArrayList<>(List.of("")));
        }
    }

    private static List<List<String>> trimTrailing(List<List<String>> elements) {
        int end = elements.size();
        while (end > 0 && String.join("", elements.get(end - 1)).isEmpty()) {
            end--;
        }
        return elements.subList(0, end);
    }
}
