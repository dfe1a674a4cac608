package io.maple.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddedModeTest {

    @Test
    void unsetOrEmptyIsAuto() {
        assertThat(EmbeddedMode.parse(null)).isEqualTo(EmbeddedMode.AUTO);
        assertThat(EmbeddedMode.parse(" ")).isEqualTo(EmbeddedMode.AUTO);
    }

    @Test
    void modesAreReadWhateverTheirCase() {
        assertThat(EmbeddedMode.parse("Always")).isEqualTo(EmbeddedMode.ALWAYS);
        assertThat(EmbeddedMode.parse("never")).isEqualTo(EmbeddedMode.NEVER);
        assertThat(EmbeddedMode.parse("auto")).isEqualTo(EmbeddedMode.AUTO);
    }

    @Test
    void anUnknownModeNamesTheVariableAndTheChoices() {
        assertThatThrownBy(() -> EmbeddedMode.parse("bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MAPLE_DB_EMBEDDED=bogus is not a mode: use auto, always or never");
    }

    @Test
    void aServerThatAnswersKeepsPriorityUnlessEmbeddedIsAsked() {
        assertThat(EmbeddedMode.AUTO.usesConfiguredServer(true)).isTrue();
        assertThat(EmbeddedMode.AUTO.usesConfiguredServer(false)).isFalse();
        assertThat(EmbeddedMode.ALWAYS.usesConfiguredServer(true)).isFalse();
        assertThat(EmbeddedMode.NEVER.usesConfiguredServer(false)).isTrue();
    }
}
