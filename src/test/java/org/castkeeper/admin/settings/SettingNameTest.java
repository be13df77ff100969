package org.castkeeper.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The change log names settings as the settings page labels them, never by their stored keys. */
class SettingNameTest {
    @Test
    void storedKeysReadAsTheHostKnowsThem() {
        assertThat(ShowForm.settingName("title")).isEqualTo("Title");
        assertThat(ShowForm.settingName("owner.email")).isEqualTo("Owner email");
        assertThat(ShowForm.settingName("funding[0].text")).isEqualTo("Funding, line 1: text");
        assertThat(ShowForm.settingName("persons[2].role")).isEqualTo("People, line 3: role");
        assertThat(ShowForm.settingName("categories[1]")).isEqualTo("Second category");
        assertThat(ShowForm.settingName("blockFrom[0]")).isEqualTo("Keep the show out of a directory");
        assertThat(ShowForm.settingName("op3")).isEqualTo("Count downloads with OP3 too");
    }
}
