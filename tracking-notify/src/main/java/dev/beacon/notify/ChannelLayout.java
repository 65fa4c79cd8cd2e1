package dev.beacon.notify;

/**
 * How a channel lays a message out from its wording (email: subject, HTML and plain text
 * from the templates; SMS: one short GSM-7 text ending in the link). One per channel, in
 * the channel's package beside its {@link ChannelSender}, so {@link MessageRenderer}
 * never branches on the channel.
 */
public interface ChannelLayout {

	Channel channel();

	RenderedMessage lay(Wording wording);

}
