package dev.quadrant.collectors.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeNamesTest {
    @Test void arrayDescriptorsBecomeJavaNames() {
        assertThat(TypeNames.readable("[B")).isEqualTo("byte[]");
        assertThat(TypeNames.readable("[[I")).isEqualTo("int[][]");
        assertThat(TypeNames.readable("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
        assertThat(TypeNames.readable("java.util.HashMap$Node")).isEqualTo("java.util.HashMap$Node");
    }
}
