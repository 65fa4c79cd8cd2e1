package dev.beacon.notify.email;

import java.lang.reflect.Method;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.jspecify.annotations.Nullable;

/** What an SMTP failure says about the recipient. */
final class SmtpReplies {

	private SmtpReplies() {
	}

	/** The SMTP reply code of a refused recipient, when the failure is one. */
	static @Nullable Integer code(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof org.springframework.mail.MailSendException mse) {
				for (Exception inner : mse.getFailedMessages().values()) {
					Integer code = code(inner);
					if (code != null) {
						return code;
					}
				}
			}
			if (t instanceof SendFailedException sfe) {
				for (Exception next = sfe; next != null; next = (next instanceof MessagingException me)
						? me.getNextException() : null) {
					try {
						Method m = next.getClass().getMethod("getReturnCode");
						Object code = m.invoke(next);
						if (code instanceof Integer i && i > 0) {
							return i;
						}
					}
					catch (ReflectiveOperationException ignored) {
						// not an SMTP exception
					}
				}
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

}
