package dev.beacon.notify;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Simulates the process dying right after the provider accepted a message and before the
 * outcome is recorded (armed per channel by a test; fires once).
 */
@Component
class CrashingHook implements Dispatcher.DispatchHook {

	private final AtomicReference<Channel> armed = new AtomicReference<>();

	void arm(Channel channel) {
		this.armed.set(channel);
	}

	@Override
	public void afterProviderCall(OutboxMessage message, ChannelSender.SendResult result) {
		if (this.armed.compareAndSet(message.channel(), null)) {
			throw new IllegalStateException("simulated crash after the provider call of " + message.id());
		}
	}

}
