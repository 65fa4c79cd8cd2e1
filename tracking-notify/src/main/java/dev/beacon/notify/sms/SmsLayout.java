package dev.beacon.notify.sms;

import org.springframework.stereotype.Component;

import dev.beacon.notify.Channel;
import dev.beacon.notify.ChannelLayout;
import dev.beacon.notify.RenderedMessage;
import dev.beacon.notify.Wording;

/**
 * SMS layout: the trigger's {@code sms} wording and the link, fitted into two GSM-7
 * segments ({@link SmsText}); no subject, no HTML.
 */
@Component
public class SmsLayout implements ChannelLayout {

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public RenderedMessage lay(Wording w) {
		String text = SmsText.compose(w.field("sms"), w.link());
		return new RenderedMessage(w.trigger(), Channel.SMS, w.locale(), null, text, null, SmsText.segments(text));
	}

}
