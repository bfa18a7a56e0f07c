package dev.quadrant.collectors.jfr;

/** JFR names array types as descriptors ({@code [B}, {@code [Ljava.lang.String;}); people read {@code byte[]}. */
public final class TypeNames {
    private TypeNames() {}

    public static String readable(String name) {
        name = dev.quadrant.core.Names.cap(name);
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') dims++;
        if (dims == 0) return name;
        String element = switch (name.substring(dims)) {
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            case "Z" -> "boolean";
            default -> {
                String rest = name.substring(dims);
                yield rest.startsWith("L") && rest.endsWith(";") ? rest.substring(1, rest.length() - 1) : rest;
            }
        };
        return element + "[]".repeat(dims);
    }
}
