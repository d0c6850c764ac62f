package dev.granary.ui.login;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The centred card the sign-in and change-password pages share, outside the dashboard's shell. */
final class AuthCard extends Div {

    private final Paragraph notice = new Paragraph();
    private final Paragraph error = new Paragraph();

    AuthCard(String title, String noticeId, String errorId) {
        addClassName("granary-auth-card");
        Span brand = new Span("Granary");
        brand.addClassName("granary-brand");
        notice.setId(noticeId);
        notice.addClassName("granary-notice");
        notice.setVisible(false);
        error.setId(errorId);
        error.addClassName("granary-error");
        error.setVisible(false);
        add(brand, new H2(title), notice, error);
    }

    void addContent(Component... components) {
        add(components);
    }

    void notice(String text) {
        notice.setText(text == null ? "" : text);
        notice.setVisible(text != null && !text.isEmpty());
    }

    void error(String text) {
        error.setText(text == null ? "" : text);
        error.setVisible(text != null && !text.isEmpty());
    }

    /** The page around the card. */
    static Div page(AuthCard card) {
        Div page = new Div(card);
        page.addClassName("granary-auth-page");
        return page;
    }
}
