package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "*|anything|true",
                "*|''|true",
                "''|''|true",
                "''|a|false",
                "abc|abc|true",
                "abc|abcd|false",
                "abc|ab|false",
                "a*|a|true",
                "a*c|abbbc|true",
                "a*c|abbbcd|false",
                "*c|c|true",
                "a?c|abc|true",
                "a?c|ac|false",
                "a?c|abbc|false",
                "??|ab|true",
                "??|a|false",
                "*?|''|false",
                "a*b*c|aXbYbZc|true",
                "a*b*c|aXcYb|false",
                "**|x|true",
                "*a*a*a*a*b|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|false",
                "acs:swas-open:*|acs:swas-open:cn-hangzhou:1:instance/i-1|true",
                "acs:swas-open:*:*:instance/*|acs:swas-open:cn-hangzhou:1:instance/i-1|true",
                "acs:swas-open:*:*:instance/*|acs:swas-open:cn-hangzhou:1:customimage/m-1|false",
                "acs:swas-open:*:*:*|*|false",
                "a.c|abc|false",
                "a+|aa|false",
                "[a]|a|false",
            })
    void caseSensitiveMatching(String pattern, String subject, boolean expected) {
        assertThat(Glob.caseSensitive(pattern).matches(subject)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "swas-open:DeleteCustomImages|swas-open:deletecustomimages|true",
                "SWAS-OPEN:List*|swas-open:listinstances|true",
                "swas-open:list?nstances|swas-open:ListInstances|true",
                "acs:swas-open:*:*:Instance/*|acs:swas-open:r:a:instance/i|true",
            })
    void ignoringCase(String pattern, String subject, boolean expected) {
        assertThat(Glob.ignoringCase(pattern).matches(subject)).isEqualTo(expected);
        assertThat(Glob.caseSensitive(pattern).matches(subject)).isEqualTo(pattern.equals(subject));
    }
}
