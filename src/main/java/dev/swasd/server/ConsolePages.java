package dev.swasd.server;

import dev.swasd.store.Database;
import dev.swasd.swas.console.ConsoleActions;
import dev.swasd.swas.console.ConsoleTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What a console URL (DescribeInstanceVncUrl, LoginInstance, StartTerminalSession) leads to:
 * {@code GET /console-session/<token>} on swasd's own endpoint, outside the signed API. A plain
 * text page that says what the session stands for while it lasts; 410 once it has expired; 404
 * for a token this database did not sign. No console is behind it: swasd runs no servers.
 */
final class ConsolePages {
    /** A page: status and text. */
    record Page(int status, String text) {}

    private final Database db;
    private final Clock clock;
    private final ConsoleTokens tokens = new ConsoleTokens();

    /** Makes the database's console key if no node has yet, so that issuing a URL (a read) finds it. */
    ConsolePages(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.write(tx -> {
            tokens.ensureKey(tx);
            return null;
        });
    }

    static boolean handles(String path) {
        return path.startsWith(ConsoleActions.PATH);
    }

    Page render(String path) {
        String token = path.substring(ConsoleActions.PATH.length());
        Optional<ConsoleTokens.Session> found =
                token.isEmpty() ? Optional.empty() : db.read(tx -> tokens.open(tx, token));
        if (found.isEmpty()) {
            return new Page(404, "swasd: no console session has this token.\n");
        }
        ConsoleTokens.Session s = found.get();
        long now = clock.millis();
        if (s.expired(now)) {
            return new Page(
                    410,
                    "swasd: this console session of server " + s.instanceId() + " expired at "
                            + Instant.ofEpochMilli(s.expiresAt()) + ".\n");
        }
        String what = switch (s.kind()) {
            case ConsoleActions.VNC -> "the VNC console";
            case ConsoleActions.WORKBENCH -> "the Workbench login page";
            case ConsoleActions.TERMINAL -> "the terminal session";
            default -> "a console";
        };
        return new Page(
                200,
                "swasd emulates Alibaba Cloud Simple Application Server (SWAS); this would be " + what
                        + " of server " + s.instanceId() + " (region " + s.regionId() + ", account " + s.accountId()
                        + ").\nNo console runs behind it. This session expires at "
                        + Instant.ofEpochMilli(s.expiresAt())
                        + ".\n");
    }
}
