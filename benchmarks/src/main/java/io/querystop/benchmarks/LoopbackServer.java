package io.querystop.benchmarks;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The minimal HTTP/1.1 server every benchmark talks to: loopback only, one event-loop thread, and one canned answer
 * written as pre-encoded bytes after each request, whatever it asks. It checks nothing (no signature, no path), so
 * that what is measured is the client. Keep-alive; requests are counted.
 */
public final class LoopbackServer implements AutoCloseable {

    /** What Neptune answers to a successful CancelGremlinQuery. */
    public static final String CANCELLED = "{\"status\":\"200 OK\"}";

    private final EventLoopGroup group;
    private final Channel channel;
    private final ByteBuf answer;
    private final LongAdder requests = new LongAdder();

    private LoopbackServer(String body) throws InterruptedException {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "x-amzn-RequestId: 0b6d4c5e-3c1f-4a5e-9a3e-2f0f7c6a1d42\r\n"
            + "Content-Length: " + json.length + "\r\n\r\n";
        ByteBuf bytes = Unpooled.directBuffer(head.length() + json.length);
        bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII)).writeBytes(json);
        this.answer = Unpooled.unreleasableBuffer(bytes.asReadOnly());
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        this.group = new MultiThreadIoEventLoopGroup(1, io);
        Responder responder = new Responder();
        this.channel = new ServerBootstrap().group(group).channel(type)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpRequestDecoder(), responder);
                }
            })
            .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** Starts a server answering {@link #CANCELLED} on an ephemeral loopback port. */
    public static LoopbackServer start() {
        return start(CANCELLED);
    }

    public static LoopbackServer start(String body) {
        try {
            return new LoopbackServer(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    public long requests() {
        return requests.sum();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ChannelHandler.Sharable
    private final class Responder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof LastHttpContent) { // every request ends with one, body or not
                    requests.increment();
                    ctx.write(answer.duplicate(), ctx.voidPromise());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
