using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Concentrator.Core.Io;
using Concentrator.Drivers.Net;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Board;

/// <summary>
/// The board's <see cref="SocketByteLink"/> (compiled from the firmware sources) against real TCP listeners on the
/// loopback: connect, refused, unknown name, bounded reads, the peer's close, reconnect and its backoff.
/// </summary>
[TestClass]
public sealed class SocketByteLinkTests
{
    private static SocketByteLink Link(int port, int reconnectFirst = 1000)
    {
        return new SocketByteLink(new SocketByteLinkOptions { Host = "127.0.0.1", Port = port, ConnectTimeoutMilliseconds = 2000, ReconnectFirstMilliseconds = reconnectFirst });
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [TestMethod]
    public void Connects_and_moves_bytes_both_ways()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        SocketByteLink link = Link(((IPEndPoint)listener.LocalEndpoint).Port);

        Assert.AreEqual(LinkStatus.Ok, link.Open(), link.LastProblem);
        using Socket peer = listener.AcceptSocket();
        Assert.IsTrue(link.IsConnected);
        Assert.AreEqual(LinkStatus.Ok, link.Write(new byte[] { 1, 2, 3 }, 0, 3));
        var received = new byte[3];
        Assert.AreEqual(3, peer.Receive(received));
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, received);

        peer.Send(new byte[] { 9, 8, 7, 6 });
        var buffer = new byte[16];
        int total = 0;
        while (total < 4)
        {
            Assert.AreEqual(LinkStatus.Ok, link.Read(buffer, total, buffer.Length - total, 2000, out int read));
            total += read;
        }

        CollectionAssert.AreEqual(new byte[] { 9, 8, 7, 6 }, buffer[..4]);
        Assert.AreEqual(LinkStatus.Ok, link.Configure(new LineSettings(300, 7, LineParity.Even, 1, false)), "TCP has no framing to change");
        link.Close();
        Assert.IsFalse(link.IsConnected);
    }

    [TestMethod]
    public void Silent_peer_read_is_bounded_by_its_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        SocketByteLink link = Link(((IPEndPoint)listener.LocalEndpoint).Port);
        Assert.AreEqual(LinkStatus.Ok, link.Open(), link.LastProblem);
        using Socket peer = listener.AcceptSocket();

        var watch = Stopwatch.StartNew();
        Assert.AreEqual(LinkStatus.Timeout, link.Read(new byte[8], 0, 8, 300, out int read));

        Assert.AreEqual(0, read);
        Assert.IsTrue(watch.ElapsedMilliseconds >= 250 && watch.ElapsedMilliseconds < 2000, watch.ElapsedMilliseconds + " ms");
        Assert.IsTrue(link.IsConnected, "silence is not a lost connection");
        link.Close();
    }

    [TestMethod]
    public void Refused_connect_is_closed_with_the_reason()
    {
        int port = FreePort();
        SocketByteLink link = Link(port);

        Assert.AreEqual(LinkStatus.Closed, link.Open());

        StringAssert.StartsWith(link.LastProblem, "cannot connect to 127.0.0.1:" + port + ": ");
        Assert.IsFalse(link.IsConnected);
        Assert.AreEqual(0, link.Connects);
    }

    [TestMethod]
    public void Unknown_host_name_is_a_fault_with_the_reason()
    {
        var link = new SocketByteLink(new SocketByteLinkOptions { Host = "no-such-meter.invalid", Port = 4059 });

        Assert.AreEqual(LinkStatus.Fault, link.Open());

        StringAssert.StartsWith(link.LastProblem, "cannot resolve no-such-meter.invalid: ");
    }

    [TestMethod]
    public void Peer_close_is_closed_and_the_next_write_reconnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        SocketByteLink link = Link(((IPEndPoint)listener.LocalEndpoint).Port);
        Assert.AreEqual(LinkStatus.Ok, link.Open(), link.LastProblem);
        listener.AcceptSocket().Close(); // ser2net restarted, a converter rebooted

        Assert.AreEqual(LinkStatus.Closed, link.Read(new byte[8], 0, 8, 2000, out _));
        Assert.AreEqual("closed by 127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port, link.LastProblem);
        Assert.AreEqual(1, link.Losses);
        Assert.IsFalse(link.IsConnected);

        // The first reconnect after a loss is immediate: the next exchange goes through on a new connection.
        Assert.AreEqual(LinkStatus.Ok, link.Write(new byte[] { 0x2F, 0x3F }, 0, 2), link.LastProblem);
        using Socket second = listener.AcceptSocket();
        var received = new byte[2];
        Assert.AreEqual(2, second.Receive(received));
        Assert.AreEqual(2, link.Connects);
        Assert.AreEqual(string.Empty, link.LastProblem);
        link.Close();
    }

    [TestMethod]
    public void Failed_reconnects_back_off_and_close_stops_them()
    {
        int port = FreePort();
        SocketByteLink link = Link(port, reconnectFirst: 400);
        Assert.AreEqual(LinkStatus.Closed, link.Open());
        string problem = link.LastProblem;

        // Within the pause: no attempt, at once.
        var watch = Stopwatch.StartNew();
        Assert.AreEqual(LinkStatus.Closed, link.Write(new byte[1], 0, 1));
        Assert.IsTrue(watch.ElapsedMilliseconds < 200, watch.ElapsedMilliseconds + " ms");
        Assert.AreEqual(problem, link.LastProblem);

        // After the pause a listener has come up: the next read connects.
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        System.Threading.Thread.Sleep(500);
        Assert.AreEqual(LinkStatus.Timeout, link.Read(new byte[1], 0, 1, 50, out _), link.LastProblem);
        Assert.AreEqual(1, link.Connects);

        link.Close();
        Assert.AreEqual(LinkStatus.Closed, link.Read(new byte[1], 0, 1, 50, out _), "closed by its owner: no reconnect");
        Assert.AreEqual(1, link.Connects);
    }

    [TestMethod]
    public void Options_out_of_range_are_refused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new SocketByteLink(new SocketByteLinkOptions { Port = 4059 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SocketByteLink(new SocketByteLinkOptions { Host = "h", Port = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SocketByteLink(new SocketByteLinkOptions { Host = "h", Port = 1, ConnectTimeoutMilliseconds = 10 }));
    }
}
