package io.revcycle.deploy.kubernetes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Dockerfile read as its instructions (comments dropped, continued lines joined). */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    static Path path(Deployable deployable) {
        return Repository.module().resolve("images").resolve(deployable.name()).resolve("Dockerfile");
    }

    static Dockerfile of(Deployable deployable) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Repository.read(path(deployable)).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String text = pending.toString().strip();
            pending.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
        }
        return new Dockerfile(instructions);
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The arguments of the one instruction with this keyword. */
    String only(String keyword) {
        List<String> found = all(keyword);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + keyword + ", found " + found);
        }
        return found.get(0);
    }
}
