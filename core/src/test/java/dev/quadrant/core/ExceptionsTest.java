package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionsTest {
    @Test void namesTheOutermostExceptionConstructorAndTheApplicationFrame() {
        List<String> stack = List.of(
                "java.lang.Throwable.fillInStackTrace(Native Method)",
                "java.lang.Throwable.fillInStackTrace(Throwable.java:798)",
                "java.lang.Throwable.<init>(Throwable.java:271)",
                "java.lang.Exception.<init>(Exception.java:67)",
                "java.lang.RuntimeException.<init>(RuntimeException.java:63)",
                "java.lang.NumberFormatException.<init>(NumberFormatException.java:55)",
                "java.math.BigDecimal.<init>(BigDecimal.java:518)",
                "com.acme.Feed.price(Feed.java:12)",
                "com.acme.Feed.importLine(Feed.java:20)");
        assertThat(Exceptions.creation(stack)).containsExactly("java.lang.NumberFormatException", "com.acme.Feed.price(Feed.java:12)");
    }

    @Test void anApplicationConstructorBelowIsNotTheException() {
        List<String> stack = List.of("java.lang.Throwable.<init>(Throwable.java:271)", "com.acme.NotFoundException.<init>(Repo.java:5)",
                "com.acme.Service.<init>(Service.java:9)");
        assertThat(Exceptions.creation(stack)).containsExactly("com.acme.NotFoundException", "com.acme.Service.<init>(Service.java:9)");
    }

    @Test void otherStacksAreNotExceptionCreation() {
        assertThat(Exceptions.creation(List.of("com.acme.A.b(A.java:1)"))).isNull();
        // a method whose name only starts like Throwable's constructor is not it
        assertThat(Exceptions.creation(List.of("java.lang.Throwable.<init>Helper(X.java:1)", "com.acme.A.b(A.java:1)"))).isNull();
    }

    @Test void framesMatchAMethodWithOrWithoutTheirPosition() {
        assertThat(Frames.isMethod("java.lang.Throwable.<init>(Throwable.java:271)", "java.lang.Throwable.<init>")).isTrue();
        assertThat(Frames.isMethod("java.lang.Throwable.<init>", "java.lang.Throwable.<init>")).isTrue();
        assertThat(Frames.isMethod("java.lang.Throwable.<init>x(Throwable.java:1)", "java.lang.Throwable.<init>")).isFalse();
        assertThat(Frames.isMethod("java.lang.Throwable.fillInStackTrace(Native Method)", "java.lang.Throwable.<init>")).isFalse();
    }
}
