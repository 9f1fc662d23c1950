package dev.kconnect.sandbox.kinetica.filter;

import java.util.List;
import java.util.Locale;

/** Walks the tokens of an expression for the parser: looks ahead, takes what is expected, reports what is not. */
final class Cursor {
    private final List<Token> tokens;
    private int at;

    Cursor(String text) {
        this.tokens = Lexer.tokens(text);
    }

    Token peek() {
        return tokens.get(at);
    }

    /** The next token, taken; the end stays the end. */
    Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Token.Kind.END) {
            at++;
        }
        return token;
    }

    /** Takes the next token when it is {@code keyword}. */
    boolean accept(String keyword) {
        if (peek().isKeyword(keyword)) {
            at++;
            return true;
        }
        return false;
    }

    /** Takes the next token when it is one of the symbols ({@code &&}, {@code ||}...). */
    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    void expect(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("expected '" + symbol + "'", peek());
        }
    }

    void expectKeyword(String keyword) {
        if (!accept(keyword)) {
            throw error("expected " + keyword.toUpperCase(Locale.ROOT), peek());
        }
    }

    void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw error("unexpected '" + peek().text() + "'", peek());
        }
    }

    FilterException error(String message, Token token) {
        return new FilterException(token.kind() == Token.Kind.END && !message.startsWith("unexpected end")
                ? message + " but the expression ended" : message, token.position());
    }
}
