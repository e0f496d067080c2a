package dev.swasd.swas.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swasd.swas.SwasErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's text and its custom parameters ({@code {{name}}} when EnableParameter is true):
 * the limits of Cloud Assistant (content at most 18 KB once Base64-encoded, at most 20 custom
 * parameters, names of letters, digits, {@code _} and {@code -}, up to 64 characters) and the
 * text as run with the values filled in. Built-in parameters ({@code {{ACS::InstanceId}}},
 * {@code {{ACS::RegionId}}}, {@code {{ACS::InvokeId}}}, {@code {{ACS::CommandId}}}) need no value.
 */
public final class CommandText {
    /** Base64-encoded content at most 18 KB (Cloud Assistant's limit). */
    public static final int CONTENT_BASE64_MAX = 18 * 1024;

    public static final int PARAMETERS_MAX = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String BUILT_IN = "ACS::";

    private CommandText() {}

    /** The content as given, checked: present and within the size limit. */
    public static String content(String content) {
        if (content == null || content.isBlank()) {
            throw SwasErrors.invalidParam("CommandContent", "a command has content.");
        }
        if (base64(content).length() > CONTENT_BASE64_MAX) {
            throw SwasErrors.invalidParam(
                    "CommandContent", "it is longer than " + CONTENT_BASE64_MAX + " bytes once Base64-encoded.");
        }
        return content;
    }

    /** The custom parameter names of the content, in order of first use; none unless enabled. */
    public static List<String> parameterNames(String content, boolean enabled) {
        if (!enabled) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(content);
        while (m.find()) {
            String name = m.group(1).trim();
            if (name.startsWith(BUILT_IN)) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw SwasErrors.invalidParam(
                        "CommandContent",
                        "the custom parameter name '" + name
                                + "' is not 1 to 64 letters, digits, underscores (_) or hyphens (-).");
            }
            names.add(name);
        }
        if (names.size() > PARAMETERS_MAX) {
            throw SwasErrors.invalidParam(
                    "CommandContent", "a command has at most " + PARAMETERS_MAX + " custom parameters.");
        }
        return List.copyOf(names);
    }

    /**
     * The values for a run: every custom parameter of the command needs one and nothing else is
     * taken. Values are strings (numbers and booleans are taken as their text).
     */
    public static Map<String, String> values(List<String> names, JsonNode parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        if (parameters != null && !parameters.isNull() && !parameters.isMissingNode()) {
            if (!parameters.isObject()) {
                throw SwasErrors.invalidParam("Parameters", "it is a JSON object of parameter names and values.");
            }
            for (var it = parameters.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!names.contains(e.getKey())) {
                    throw SwasErrors.invalidParam(
                            "Parameters", "the command has no custom parameter '" + e.getKey() + "'.");
                }
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw SwasErrors.invalidParam("Parameters", "the value of '" + e.getKey() + "' is a string.");
                }
                values.put(e.getKey(), e.getValue().asText());
            }
        }
        for (String name : names) {
            if (!values.containsKey(name)) {
                throw SwasErrors.invalidParam("Parameters", "the custom parameter '" + name + "' has no value.");
            }
        }
        return values;
    }

    /** The content with custom and built-in parameters filled in (when parameters are enabled). */
    public static String fill(
            String content, boolean enabled, Map<String, String> values, Map<String, String> builtIn) {
        if (!enabled) {
            return content;
        }
        Matcher m = PLACEHOLDER.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String value =
                    name.startsWith(BUILT_IN) ? builtIn.get(name.substring(BUILT_IN.length())) : values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
