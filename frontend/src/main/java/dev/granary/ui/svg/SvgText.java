package dev.granary.ui.svg;

/** Text going into the SVG drawn here, as element content or a quoted attribute value. */
final class SvgText {

    private SvgText() {}

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
