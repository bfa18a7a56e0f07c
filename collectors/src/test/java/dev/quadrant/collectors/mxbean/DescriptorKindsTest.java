package dev.quadrant.collectors.mxbean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptorKindsTest {
    @Test void descriptorsAreGroupedByKindOrFolder() {
        assertThat(DescriptorKinds.kind("socket:[123456]")).isEqualTo("socket");
        assertThat(DescriptorKinds.kind("pipe:[98]")).isEqualTo("pipe");
        assertThat(DescriptorKinds.kind("anon_inode:[eventpoll]")).isEqualTo("anon_inode:[eventpoll]");
        assertThat(DescriptorKinds.kind("/data/attachments/a.pdf")).isEqualTo("/data/attachments/");
        assertThat(DescriptorKinds.kind("/dev/null")).isEqualTo("/dev/");
    }
}
