package dev.granary.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import dev.granary.ui.security.ViewRefusedException;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a view the signed-in user may not use, at the URL they asked for. */
@ParentLayout(MainLayout.class)
@PageTitle("Not allowed")
public class AccessRefusedView extends VerticalLayout implements HasErrorParameter<ViewRefusedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ViewRefusedException> parameter) {
        removeAll();
        Paragraph reason = new Paragraph(parameter.hasCustomMessage() ? parameter.getCustomMessage()
            : parameter.getException().getMessage());
        reason.setId("access-refused");
        Div notice = new Div(VaadinIcon.LOCK.create(), new Div(reason,
            new Paragraph("Ask an administrator if you need this page.")));
        notice.addClassName("granary-refused");
        add(notice);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
