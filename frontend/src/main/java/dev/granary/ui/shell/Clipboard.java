package dev.granary.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.PendingJavaScriptResult;

/**
 * Puts text on the browser's clipboard. The clipboard API needs a secure context (https or localhost);
 * elsewhere the older execCommand path is tried, and a refusal fails the returned result so the
 * caller can tell the person to copy by hand (without repeating a secret in the notice).
 */
public final class Clipboard {

    private Clipboard() {}

    public static PendingJavaScriptResult copy(String text) {
        return UI.getCurrent().getPage().executeJs("""
                const text = $0;
                if (navigator.clipboard && window.isSecureContext) {
                  return navigator.clipboard.writeText(text);
                }
                const area = document.createElement('textarea');
                area.value = text;
                area.setAttribute('readonly', '');
                area.style.position = 'fixed';
                area.style.opacity = '0';
                document.body.appendChild(area);
                area.select();
                const done = document.execCommand('copy');
                area.remove();
                if (!done) {
                  throw new Error('the browser refused to copy');
                }
                """, text);
    }
}
