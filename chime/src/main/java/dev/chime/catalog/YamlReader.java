package dev.chime.catalog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the YAML documents of a file into {@link YamlNode}s with their positions. It builds the
 * tree from the parser's events itself, without recursion, so that depth is checked before it
 * costs anything and no input can overflow the stack.
 */
final class YamlReader {
  static final int MAX_BYTES = 1024 * 1024;
  static final int MAX_DEPTH = 32;

  private YamlReader() {}

  /** A file that cannot be read as YAML at all: one finding stands for the whole file. */
  static final class Unreadable extends Exception {
    private final Rule rule;
    private final Position position;

    Unreadable(Rule rule, Position position, String message) {
      super(message, null, false, false);
      this.rule = rule;
      this.position = position;
    }

    Finding finding(String file) {
      return new Finding(file, position, rule, getMessage());
    }
  }

  /** The documents of the file, empty ones (a lone {@code ---}) left out. */
  static List<YamlNode> read(byte[] bytes) throws Unreadable {
    if (bytes.length > MAX_BYTES) {
      // Callers may stop reading past the limit, so the size itself is not known here.
      throw new Unreadable(Rule.FILE_TOO_LARGE, Position.START, "the file is larger than 1 MiB,"
          + " the limit for a catalog file; keep the entities that declare schedules in a file"
          + " of their own");
    }
    List<YamlNode> documents = parse(decode(bytes)).stream()
        .filter(d -> !(d instanceof YamlNode.Scalar s && s.isNull()))
        .toList();
    if (documents.isEmpty()) {
      throw new Unreadable(Rule.EMPTY_FILE, Position.START, "the file is empty; a catalog file"
          + " holds a Backstage entity whose spec.schedules lists the schedules");
    }
    return documents;
  }

  private static String decode(byte[] bytes) throws Unreadable {
    int start = 0;
    if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
        || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
      throw new Unreadable(Rule.NOT_UTF8, Position.START,
          "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
    }
    if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF) {
      start = 3;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      throw new Unreadable(Rule.NOT_UTF8, positionAfter(out), String.format(Locale.ROOT,
          "the file is not UTF-8: byte 0x%02X (offset %d) is not valid UTF-8; save it as UTF-8",
          bytes[in.position()] & 0xFF, in.position()));
    }
    out.flip();
    return out.toString();
  }

  /** Where the next character after {@code text} is. */
  private static Position positionAfter(CharSequence text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(text.charAt(i))) {
        column++;
      }
    }
    return new Position(line, column);
  }

  private static List<YamlNode> parse(String text) throws Unreadable {
    LoadSettings settings = LoadSettings.builder()
        .setCodePointLimit(MAX_BYTES + 1)
        .setAllowDuplicateKeys(true) // reported as findings, with both places
        .build();
    List<YamlNode> documents = new ArrayList<>();
    Deque<Collection> open = new ArrayDeque<>();
    Set<String> anchors = new HashSet<>();
    try {
      for (Event event : new Parse(settings).parseString(text)) {
        if (event instanceof NodeEvent node && !(event instanceof AliasEvent)) {
          node.getAnchor().ifPresent(anchor -> anchors.add(anchor.getValue()));
        }
        YamlNode done = switch (event.getEventId()) {
          case MappingStart, SequenceStart -> {
            if (open.size() == MAX_DEPTH) {
              throw new Unreadable(Rule.YAML_TOO_DEEP, position(event),
                  "values nest deeper than " + MAX_DEPTH + " levels; a catalog file needs a few");
            }
            open.push(new Collection(event.getEventId() == Event.ID.MappingStart,
                position(event)));
            yield null;
          }
          case MappingEnd, SequenceEnd -> open.pop().build();
          case Scalar -> scalar((ScalarEvent) event);
          case Alias -> throw alias(text, (AliasEvent) event, anchors);
          default -> null;
        };
        if (done == null) {
          continue;
        }
        if (open.isEmpty()) {
          documents.add(done);
        } else {
          open.peek().add(done);
        }
      }
    } catch (MarkedYamlEngineException e) {
      throw syntaxError(text, e);
    } catch (ReaderException e) {
      throw new Unreadable(Rule.YAML_SYNTAX, positionOf(text, e.getPosition()), String.format(
          Locale.ROOT, "not valid YAML: the character U+%04X may not appear in a YAML file;"
              + " remove it", e.getCodePoint()));
    } catch (YamlEngineException e) {
      throw new Unreadable(Rule.YAML_SYNTAX, Position.START,
          "not valid YAML: " + oneLine(e.getMessage()));
    }
    return documents;
  }

  /**
   * An alias of an anchor the file defines is a real alias, which catalog files do not use. One
   * that no anchor defines is almost always an unquoted value that starts with a star, such as
   * a cron expression: say that instead.
   */
  private static Unreadable alias(String text, AliasEvent event, Set<String> anchors) {
    String name = event.getAlias().getValue();
    Position at = position(event);
    if (anchors.contains(name)) {
      return new Unreadable(Rule.YAML_ALIAS, at, "aliases (*" + Echo.clip(name) + ") are not"
          + " supported in a catalog file; write the value out");
    }
    String hint = hint(text, at);
    return new Unreadable(Rule.YAML_SYNTAX, at, "not valid YAML: *" + Echo.clip(name)
        + " reads as an alias, and no anchor &" + Echo.clip(name) + " defines it"
        + (hint.isEmpty() ? "; quote the value" : hint));
  }

  private static YamlNode.Scalar scalar(ScalarEvent event) {
    Mark start = event.getStartMark().orElseThrow();
    Mark end = event.getEndMark().orElse(start);
    String text = event.getValue();
    ScalarStyle style = event.getScalarStyle();
    boolean plain = style == ScalarStyle.PLAIN && event.getTag().isEmpty();
    int quotes = style == ScalarStyle.PLAIN ? 0 : 2;
    boolean verbatim = (style == ScalarStyle.PLAIN || style == ScalarStyle.SINGLE_QUOTED
        || style == ScalarStyle.DOUBLE_QUOTED)
        && start.getLine() == end.getLine()
        && end.getIndex() - start.getIndex() == text.codePointCount(0, text.length()) + quotes;
    return new YamlNode.Scalar(text, plain, verbatim, position(start));
  }

  private static Unreadable syntaxError(String text, MarkedYamlEngineException e) {
    Position at = e.getProblemMark().map(YamlReader::position).orElse(Position.START);
    String problem = oneLine(e.getProblem() == null ? e.getMessage() : e.getProblem());
    String context = e.getContext() == null ? "" : " (" + oneLine(e.getContext()) + ")";
    return new Unreadable(Rule.YAML_SYNTAX, at,
        "not valid YAML: " + problem + context + hint(text, at));
  }

  /** The usual cause of a syntax error in a schedule: a cron starting with {@code *} unquoted. */
  private static String hint(String text, Position at) {
    String[] lines = text.split("\n", -1);
    if (at.line() > lines.length) {
      return "";
    }
    String line = lines[at.line() - 1];
    int colon = line.indexOf(": ");
    String value = colon < 0 ? "" : line.substring(colon + 2).strip();
    if (value.startsWith("*") || value.startsWith("@")) {
      return "; a value that starts with " + value.charAt(0) + " must be quoted: \""
          + Echo.clip(value.replace("\"", "\\\"")) + "\"";
    }
    return "";
  }

  /** The parser's words on one line: its messages may quote the file over several. */
  private static String oneLine(String text) {
    return text == null ? "" : Echo.clip(text.strip().replaceAll("\\s+", " "));
  }

  /** Where the character at a code point index is. */
  private static Position positionOf(String text, int codePointIndex) {
    int end = text.offsetByCodePoints(0, Math.max(0, Math.min(codePointIndex,
        text.codePointCount(0, text.length()))));
    return positionAfter(text.subSequence(0, end));
  }

  private static Position position(Event event) {
    return event.getStartMark().map(YamlReader::position).orElse(Position.START);
  }

  private static Position position(Mark mark) {
    return new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** A mapping or list being read: mappings take their entries key, value, key, value… */
  private static final class Collection {
    private final boolean mapping;
    private final Position position;
    private final List<YamlNode> items = new ArrayList<>();

    Collection(boolean mapping, Position position) {
      this.mapping = mapping;
      this.position = position;
    }

    void add(YamlNode node) {
      items.add(node);
    }

    YamlNode build() throws Unreadable {
      if (!mapping) {
        return new YamlNode.Sequence(List.copyOf(items), position);
      }
      List<YamlNode.Entry> entries = new ArrayList<>();
      for (int i = 0; i + 1 < items.size(); i += 2) {
        if (!(items.get(i) instanceof YamlNode.Scalar key)) {
          throw new Unreadable(Rule.WRONG_TYPE, items.get(i).position(),
              "a key must be a plain name, not " + items.get(i).kind());
        }
        entries.add(new YamlNode.Entry(key, items.get(i + 1)));
      }
      return new YamlNode.Mapping(List.copyOf(entries), position);
    }
  }
}
