package io.realtimeblog.posts.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.swing.text.Segment;

import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Colours fenced code blocks on the server, so pages stay free of script: the text of each
 * {@code <pre><code class="language-…">} whose language {@link CodeLanguages} knows is split into tokens by
 * RSyntaxTextArea's lexers (JFlex-generated, linear, the same ones its editor uses) and every token worth colouring
 * becomes a {@code <span class="tok-…">}. Only the classes in {@link #CLASSES} are ever written.
 * <p>
 * It runs on the already sanitised document: the sanitiser keeps no class on a {@code span}, so a writer's own
 * {@code <span class="tok-keyword">} (or any admin utility class) is gone before this adds spans of its own, made
 * from the block's text alone. A block that holds elements (raw HTML) or names an unknown language stays as it
 * is. The lexers keep no state between calls; one is made per block, so this is thread-safe.
 */
final class CodeHighlighter {

    /** Every class this writes: the style sheet colours these (static/site/post-content.css). */
    static final Set<String> CLASSES = Set.of("tok-comment", "tok-keyword", "tok-type", "tok-function",
            "tok-string", "tok-number", "tok-literal", "tok-variable", "tok-regex", "tok-meta", "tok-tag",
            "tok-attr");

    private static final String LANGUAGE_PREFIX = "language-";

    private CodeHighlighter() {
    }

    /** Colours every code block below {@code root} that names a language we know. */
    static void highlight(Element root) {
        for (Element code : root.select("pre > code[class^=" + LANGUAGE_PREFIX + "]")) {
            String language = code.className().substring(LANGUAGE_PREFIX.length());
            if (code.childrenSize() == 0) {
                CodeLanguages.lexerFor(language).ifPresent(lexer -> colour(code, lexer));
            }
        }
    }

    private static void colour(Element code, String lexer) {
        String text = code.wholeText();
        TokenMaker tokens = TokenMakerFactory.getDefaultInstance().getTokenMaker(lexer);
        List<Node> nodes = new ArrayList<>();
        Run run = new Run(nodes);
        int state = TokenTypes.NULL;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            Segment segment = new Segment(line.toCharArray(), 0, line.length());
            int covered = 0;
            for (Token token = tokens.getTokenList(segment, state, 0); token != null && token.isPaintable();
                    token = token.getNextToken()) {
                run.add(cssClass(token.getType()), token.getLexeme());
                covered += token.length();
            }
            if (covered != line.length()) {
                return; // a lexer that skipped or repeated text: leave the block exactly as written
            }
            state = tokens.getLastTokenTypeOnLine(segment, state);
            if (end < 0) {
                break;
            }
            run.add(null, "\n");
            start = end + 1;
        }
        run.flush();
        code.empty();
        code.appendChildren(nodes);
    }

    /** Adjacent text of the same class goes into one node, so a comment of ten words is one span, not ten. */
    private static final class Run {
        private final List<Node> nodes;
        private final StringBuilder text = new StringBuilder();
        private String cssClass;

        Run(List<Node> nodes) {
            this.nodes = nodes;
        }

        void add(String tokenClass, String lexeme) {
            boolean blank = lexeme.isBlank();
            String wanted = blank ? cssClass : tokenClass;
            if (!text.isEmpty() && !Objects.equals(wanted, cssClass)) {
                flush();
            }
            if (text.isEmpty() && !blank) {
                cssClass = tokenClass;
            }
            text.append(lexeme);
        }

        void flush() {
            if (text.isEmpty()) {
                return;
            }
            TextNode node = new TextNode(text.toString());
            nodes.add(cssClass == null ? node : new Element("span").attr("class", cssClass).appendChild(node));
            text.setLength(0);
            cssClass = null;
        }
    }

    /** The class of a token type, or null for text shown plainly (names, punctuation, operators, white space). */
    static String cssClass(int type) {
        return switch (type) {
            case TokenTypes.COMMENT_EOL, TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION,
                    TokenTypes.COMMENT_KEYWORD, TokenTypes.COMMENT_MARKUP, TokenTypes.MARKUP_COMMENT -> "tok-comment";
            case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2 -> "tok-keyword";
            case TokenTypes.DATA_TYPE -> "tok-type";
            case TokenTypes.FUNCTION -> "tok-function";
            case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, TokenTypes.LITERAL_CHAR, TokenTypes.LITERAL_BACKQUOTE,
                    TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE, TokenTypes.ERROR_STRING_DOUBLE,
                    TokenTypes.ERROR_CHAR -> "tok-string";
            case TokenTypes.LITERAL_NUMBER_DECIMAL_INT, TokenTypes.LITERAL_NUMBER_FLOAT,
                    TokenTypes.LITERAL_NUMBER_HEXADECIMAL -> "tok-number";
            case TokenTypes.LITERAL_BOOLEAN, TokenTypes.MARKUP_ENTITY_REFERENCE -> "tok-literal";
            case TokenTypes.VARIABLE -> "tok-variable";
            case TokenTypes.REGEX -> "tok-regex";
            case TokenTypes.ANNOTATION, TokenTypes.PREPROCESSOR, TokenTypes.MARKUP_DTD,
                    TokenTypes.MARKUP_PROCESSING_INSTRUCTION, TokenTypes.MARKUP_CDATA_DELIMITER -> "tok-meta";
            case TokenTypes.MARKUP_TAG_DELIMITER, TokenTypes.MARKUP_TAG_NAME -> "tok-tag";
            case TokenTypes.MARKUP_TAG_ATTRIBUTE -> "tok-attr";
            default -> null;
        };
    }
}
