package dev.beacon.notify.email;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

import dev.beacon.store.StoreManagement;

import dev.beacon.notify.NotifyProperties;
import dev.beacon.notify.StoreSettings;
import dev.beacon.notify.consent.Consents;
import dev.beacon.notify.consent.UnsubscribeTokens;

/** Test support: the real {@link EmailSender} talking to a given mail server. */
public final class EmailSenders {

	private EmailSenders() {
	}

	public static EmailSender via(JavaMailSender mail, ApplicationContext context) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mail", mail);
		return new EmailSender(beans.getBeanProvider(JavaMailSender.class), context.getBean(StoreSettings.class),
				context.getBean(StoreManagement.class), context.getBean(UnsubscribeTokens.class),
				context.getBean(NotifyProperties.class), context.getBean(Consents.class));
	}

}
