package cn.yousu.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mail server of the benchmark: speaks enough SMTP for the application to send its batches exactly as it would to
 * a city's server (EHLO, MAIL, RCPT, DATA per message, one connection per batch), counts each message accepted, and
 * keeps none. A city's mail server runs on its own machine; GreenMail, which parses and stores every message, cost the
 * load driver's side of the two shared cores as much CPU as the rest of the driver.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong accepted = new AtomicLong();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("smtp-sink").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Messages accepted so far (each recipient's DATA ended with a 250). */
    long accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                ApiBenchmark.driverThreads().newThread(() -> session(socket)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void session(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink.bench ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink.bench\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message is read and dropped
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK"); // HELO, MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
