package cn.gov.jx.majorprojects.notifications.client.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real, minimal SMTP server for tests (GreenMail is not available here): speaks HELO/EHLO, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT over a socket, keeps each accepted message, and can be told to
 * refuse messages (451) or to stall before answering DATA (a timeout).
 */
public final class TinySmtpServer implements AutoCloseable {

  /** One accepted message: envelope recipients and the raw DATA. */
  public record Received(List<String> recipients, String data) {}

  private final ServerSocket socket;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile boolean refuse;
  private volatile long stallMillis;
  private final Thread acceptor;

  public TinySmtpServer() throws IOException {
    socket = new ServerSocket(0);
    acceptor = new Thread(this::acceptLoop, "tiny-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  public List<Received> received() {
    return received;
  }

  public void refuse(boolean refuse) {
    this.refuse = refuse;
  }

  public void stall(long millis) {
    this.stallMillis = millis;
  }

  public void reset() {
    received.clear();
    refuse = false;
    stallMillis = 0;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread t = new Thread(() -> serve(client), "tiny-smtp-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        var in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 tiny-smtp ready");
      List<String> recipients = new CopyOnWriteArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (cmd) {
          case "EHLO", "HELO" -> reply(out, "250 tiny-smtp");
          case "MAIL" -> {
            recipients.clear();
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            recipients.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
            reply(out, "250 OK");
          }
          case "DATA" -> {
            if (stallMillis > 0) {
              Thread.sleep(stallMillis);
            }
            reply(out, "354 end with <CRLF>.<CRLF>");
            StringBuilder data = new StringBuilder();
            String d;
            while ((d = in.readLine()) != null && !d.equals(".")) {
              data.append(d.startsWith("..") ? d.substring(1) : d).append("\n");
            }
            if (refuse) {
              reply(out, "451 try again later");
            } else {
              received.add(new Received(List.copyOf(recipients), data.toString()));
              reply(out, "250 OK queued");
            }
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 OK");
        }
      }
    } catch (IOException | InterruptedException ignored) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
