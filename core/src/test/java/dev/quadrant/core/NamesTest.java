package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test void shortNamesAreKeptAsTheyAre() {
        String name = "pool-1-thread-3";
        assertThat(Names.cap(name)).isSameAs(name);
        assertThat(Names.cap(null)).isNull();
    }

    @Test void aLongNameIsCutAndSaysHowMuch() {
        String capped = Names.cap("x".repeat(1 << 20));
        assertThat(capped).hasSize(Names.MAX_CHARS).endsWith("… (1048064 more characters)");
    }

    @Test void aSurrogatePairIsNeverSplit() {
        String name = "a".repeat(100) + "\uD83D\uDE00" + "b".repeat(200);
        String capped = Names.cap(name, 125);
        assertThat(capped.chars().filter(c -> Character.isHighSurrogate((char) c)).count()).isEqualTo(capped.chars().filter(c -> Character.isLowSurrogate((char) c)).count());
        assertThat(capped.length()).isLessThanOrEqualTo(125);
    }
}
