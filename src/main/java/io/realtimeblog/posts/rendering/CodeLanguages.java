package io.realtimeblog.posts.rendering;

import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fife.ui.rsyntaxtextarea.SyntaxConstants;

/**
 * The languages a fenced code block may name to be coloured ({@code ```java}), as the names writers use on GitHub
 * and in highlight.js, mapped to RSyntaxTextArea's lexer for it. A name not listed here leaves the block plain: no
 * guessing from the content, so what a writer sees is predictable.
 */
final class CodeLanguages {

    private static final Map<String, String> LEXERS = Map.ofEntries(
            entry("bash", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            entry("sh", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            entry("shell", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            entry("zsh", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            entry("bat", SyntaxConstants.SYNTAX_STYLE_WINDOWS_BATCH),
            entry("c", SyntaxConstants.SYNTAX_STYLE_C),
            entry("h", SyntaxConstants.SYNTAX_STYLE_C),
            entry("cpp", SyntaxConstants.SYNTAX_STYLE_CPLUSPLUS),
            entry("c++", SyntaxConstants.SYNTAX_STYLE_CPLUSPLUS),
            entry("cs", SyntaxConstants.SYNTAX_STYLE_CSHARP),
            entry("csharp", SyntaxConstants.SYNTAX_STYLE_CSHARP),
            entry("c#", SyntaxConstants.SYNTAX_STYLE_CSHARP),
            entry("clojure", SyntaxConstants.SYNTAX_STYLE_CLOJURE),
            entry("css", SyntaxConstants.SYNTAX_STYLE_CSS),
            entry("less", SyntaxConstants.SYNTAX_STYLE_LESS),
            entry("dart", SyntaxConstants.SYNTAX_STYLE_DART),
            entry("dockerfile", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE),
            entry("docker", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE),
            entry("go", SyntaxConstants.SYNTAX_STYLE_GO),
            entry("golang", SyntaxConstants.SYNTAX_STYLE_GO),
            entry("groovy", SyntaxConstants.SYNTAX_STYLE_GROOVY),
            entry("gradle", SyntaxConstants.SYNTAX_STYLE_GROOVY),
            entry("html", SyntaxConstants.SYNTAX_STYLE_HTML),
            entry("ini", SyntaxConstants.SYNTAX_STYLE_INI),
            entry("toml", SyntaxConstants.SYNTAX_STYLE_INI),
            entry("java", SyntaxConstants.SYNTAX_STYLE_JAVA),
            entry("js", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            entry("javascript", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            entry("jsx", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            entry("mjs", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            entry("json", SyntaxConstants.SYNTAX_STYLE_JSON),
            entry("jsonc", SyntaxConstants.SYNTAX_STYLE_JSON_WITH_COMMENTS),
            entry("kotlin", SyntaxConstants.SYNTAX_STYLE_KOTLIN),
            entry("kt", SyntaxConstants.SYNTAX_STYLE_KOTLIN),
            entry("latex", SyntaxConstants.SYNTAX_STYLE_LATEX),
            entry("tex", SyntaxConstants.SYNTAX_STYLE_LATEX),
            entry("lisp", SyntaxConstants.SYNTAX_STYLE_LISP),
            entry("lua", SyntaxConstants.SYNTAX_STYLE_LUA),
            entry("makefile", SyntaxConstants.SYNTAX_STYLE_MAKEFILE),
            entry("make", SyntaxConstants.SYNTAX_STYLE_MAKEFILE),
            entry("markdown", SyntaxConstants.SYNTAX_STYLE_MARKDOWN),
            entry("md", SyntaxConstants.SYNTAX_STYLE_MARKDOWN),
            entry("perl", SyntaxConstants.SYNTAX_STYLE_PERL),
            entry("pl", SyntaxConstants.SYNTAX_STYLE_PERL),
            entry("php", SyntaxConstants.SYNTAX_STYLE_PHP),
            entry("properties", SyntaxConstants.SYNTAX_STYLE_PROPERTIES_FILE),
            entry("proto", SyntaxConstants.SYNTAX_STYLE_PROTO),
            entry("protobuf", SyntaxConstants.SYNTAX_STYLE_PROTO),
            entry("python", SyntaxConstants.SYNTAX_STYLE_PYTHON),
            entry("py", SyntaxConstants.SYNTAX_STYLE_PYTHON),
            entry("ruby", SyntaxConstants.SYNTAX_STYLE_RUBY),
            entry("rb", SyntaxConstants.SYNTAX_STYLE_RUBY),
            entry("rust", SyntaxConstants.SYNTAX_STYLE_RUST),
            entry("rs", SyntaxConstants.SYNTAX_STYLE_RUST),
            entry("scala", SyntaxConstants.SYNTAX_STYLE_SCALA),
            entry("sql", SyntaxConstants.SYNTAX_STYLE_SQL),
            entry("tcl", SyntaxConstants.SYNTAX_STYLE_TCL),
            entry("ts", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
            entry("typescript", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
            entry("tsx", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
            entry("vb", SyntaxConstants.SYNTAX_STYLE_VISUAL_BASIC),
            entry("xml", SyntaxConstants.SYNTAX_STYLE_XML),
            entry("svg", SyntaxConstants.SYNTAX_STYLE_XML),
            entry("yaml", SyntaxConstants.SYNTAX_STYLE_YAML),
            entry("yml", SyntaxConstants.SYNTAX_STYLE_YAML));

    private CodeLanguages() {
    }

    /** Every language name we colour (lower case). */
    static Set<String> names() {
        return LEXERS.keySet();
    }

    /** RSyntaxTextArea's syntax style for a block's language name (any case), if it is one we colour. */
    static Optional<String> lexerFor(String language) {
        return Optional.ofNullable(LEXERS.get(language.toLowerCase(Locale.ROOT)));
    }
}
