package dev.swasd.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.store.Database;
import dev.swasd.swas.SwasDomain;
import dev.swasd.swas.commands.CommandActions;
import dev.swasd.swas.commands.OutcomeRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The scripted outcomes of Cloud Assistant command runs ({@code serve --command-outcomes FILE},
 * {@code POST /_swasd/seed/command-outcomes}, {@code EmbeddedSwasd.Builder.commandOutcomes}): a
 * set of rules replaces the one before. The format is in docs/testing-with-swasd.md.
 */
public final class CommandOutcomeSeeds {
    private CommandOutcomeSeeds() {}

    /** The rules of a file, checked (IllegalArgumentException says what is wrong), as JSON. */
    public static JsonNode read(Path file) {
        try {
            JsonNode json = ResponseRenderer.json().readTree(Files.readString(file));
            OutcomeRule.parse(json);
            return json;
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                throw new IllegalArgumentException(
                        "--command-outcomes " + file + " is not JSON: " + j.getOriginalMessage());
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the seeded rules (shared by every node over the database); returns how many there are now. */
    public static int replace(Database db, SwasDomain swas, List<OutcomeRule> rules) {
        db.write(tx -> {
            commands(swas).outcomes().replace(tx, rules);
            return null;
        });
        return rules.size();
    }

    /** The rules given at start: this node's configuration, which a reset does not clear. */
    public static int configure(SwasDomain swas, List<OutcomeRule> rules) {
        commands(swas).outcomes().configure(rules);
        return rules.size();
    }

    private static CommandActions commands(SwasDomain swas) {
        return swas.modules().stream()
                .filter(CommandActions.class::isInstance)
                .map(CommandActions.class::cast)
                .findFirst()
                .orElseThrow();
    }

    /** {@code POST /_swasd/seed/command-outcomes} {@code {"rules": [...]}}: answers {@code {"rules": N}}. */
    static ControlApi.Seeder seeder(Database db, SwasDomain swas) {
        return request -> {
            int n = replace(db, swas, OutcomeRule.parse(request));
            ObjectNode answer = ResponseRenderer.json().createObjectNode();
            answer.put("rules", n);
            return answer;
        };
    }

    /** The rules of this JSON, checked; IllegalArgumentException says what is wrong. */
    static List<OutcomeRule> parse(JsonNode json) {
        return OutcomeRule.parse(json);
    }
}
