using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Concentrator.Core.Io;
using Concentrator.Core.P1;
using Concentrator.Host.Links;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Links;

[TestClass]
public sealed class TcpByteLinkTests
{
    [TestMethod]
    public void Read_times_out_after_the_given_time_when_nothing_arrives()
    {
        using var listener = Listen(out int port);
        using var link = new TcpByteLink("127.0.0.1", port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        using Socket peer = listener.AcceptSocket();

        byte[] buffer = new byte[16];
        long start = Stopwatch.GetTimestamp();
        Assert.AreEqual(LinkStatus.Timeout, link.Read(buffer, 0, buffer.Length, 200, out int read));
        TimeSpan waited = Stopwatch.GetElapsedTime(start);
        Assert.AreEqual(0, read);
        Assert.IsTrue(waited >= TimeSpan.FromMilliseconds(180) && waited < TimeSpan.FromSeconds(5), "waited " + waited.TotalMilliseconds + " ms for a 200 ms timeout");
        Assert.IsTrue(link.IsConnected, "a timeout keeps the connection");

        start = Stopwatch.GetTimestamp();
        Assert.AreEqual(LinkStatus.Timeout, link.Read(buffer, 0, buffer.Length, 0, out read), "timeout 0 polls");
        Assert.IsTrue(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(2));
    }

    [TestMethod]
    public void Read_returns_what_has_arrived_without_waiting_for_a_full_buffer()
    {
        using var listener = Listen(out int port);
        using var link = new TcpByteLink("127.0.0.1", port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        using Socket peer = listener.AcceptSocket();
        peer.Send(new byte[] { 1, 2, 3, 4, 5 });

        byte[] buffer = new byte[100];
        var received = new List<byte>();
        long start = Stopwatch.GetTimestamp();
        while (received.Count < 5)
        {
            Assert.AreEqual(LinkStatus.Ok, link.Read(buffer, 10, 90, 30_000, out int read));
            Assert.IsTrue(read > 0);
            for (int i = 0; i < read; i++)
            {
                received.Add(buffer[10 + i]);
            }
        }

        Assert.IsTrue(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(10), "returned without waiting out the 30 s timeout");
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5 }, received);

        peer.Send(new byte[] { 9, 8, 7 });
        Assert.AreEqual(LinkStatus.Ok, link.Read(buffer, 0, 2, 2000, out int limited));
        Assert.AreEqual(2, limited, "never more than asked for");
    }

    [TestMethod]
    public void Read_reports_Closed_when_the_peer_closes_and_after()
    {
        using var listener = Listen(out int port);
        using var link = new TcpByteLink("127.0.0.1", port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        Socket peer = listener.AcceptSocket();
        peer.Send(new byte[] { 0x2F });
        peer.Shutdown(SocketShutdown.Both);
        peer.Dispose();

        byte[] buffer = new byte[16];
        Assert.AreEqual(LinkStatus.Ok, link.Read(buffer, 0, 16, 2000, out int read), "bytes sent before the close still arrive");
        Assert.AreEqual(1, read);
        long start = Stopwatch.GetTimestamp();
        Assert.AreEqual(LinkStatus.Closed, link.Read(buffer, 0, 16, 30_000, out read));
        Assert.IsTrue(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(10), "Closed is reported at once, not after the 30 s timeout");
        Assert.IsFalse(link.IsConnected);
        StringAssert.Contains(link.LastError, "closed by 127.0.0.1:" + port);
        Assert.AreEqual(LinkStatus.Closed, link.Read(buffer, 0, 16, 5000, out _));
        Assert.AreEqual(LinkStatus.Closed, link.Write(buffer, 0, 1));
    }

    [TestMethod]
    public void Read_reports_Closed_when_the_peer_resets_the_connection()
    {
        using var listener = Listen(out int port);
        using var link = new TcpByteLink("127.0.0.1", port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        Socket peer = listener.AcceptSocket();
        peer.LingerState = new LingerOption(true, 0); // close sends RST
        peer.Close();

        Assert.AreEqual(LinkStatus.Closed, link.Read(new byte[16], 0, 16, 2000, out _));
        Assert.IsFalse(link.IsConnected);
        Assert.IsNotNull(link.LastError);
    }

    [TestMethod]
    public void Connect_to_a_port_nobody_listens_on_fails_at_once_with_the_reason()
    {
        using var refusing = new RefusingPort(); // nobody listens there, and nobody can start to during the test
        int port = refusing.Port;

        using var link = new TcpByteLink("127.0.0.1", port, TimeSpan.FromSeconds(30));
        long start = Stopwatch.GetTimestamp();
        Assert.AreEqual(LinkStatus.Closed, link.Connect());
        Assert.IsTrue(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(10), "refused at once, not after the 30 s connect timeout");
        StringAssert.Contains(link.LastError, "cannot connect to 127.0.0.1:" + port);
        Assert.IsFalse(link.IsConnected);
        Assert.AreEqual(LinkStatus.Closed, link.Read(new byte[1], 0, 1, 10, out _));
    }

    [TestMethod]
    public void Connect_gives_up_after_its_timeout_when_nobody_answers()
    {
        // A listener that never accepts and has its queue filled: the kernel drops further handshakes unanswered.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            for (int i = 0; i < 8; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                if (!filler.ConnectAsync(IPAddress.Loopback, port).Wait(300))
                {
                    break; // the queue is full
                }
            }

            using var link = new TcpByteLink("127.0.0.1", port, TimeSpan.FromMilliseconds(400));
            long start = Stopwatch.GetTimestamp();
            LinkStatus status = link.Connect();
            TimeSpan waited = Stopwatch.GetElapsedTime(start);
            if (status == LinkStatus.Ok)
            {
                Assert.Inconclusive("this kernel completed the handshake despite the full queue");
            }

            Assert.AreEqual(LinkStatus.Timeout, status, link.LastError);
            Assert.IsTrue(waited >= TimeSpan.FromMilliseconds(350) && waited < TimeSpan.FromSeconds(3), "waited " + waited.TotalMilliseconds + " ms for a 400 ms timeout");
            StringAssert.Contains(link.LastError, "no answer from 127.0.0.1:" + port + " within 400 ms");
        }
        finally
        {
            foreach (Socket filler in fillers)
            {
                filler.Dispose();
            }
        }
    }

    [TestMethod]
    public void Link_connects_again_after_it_was_lost()
    {
        using var listener = Listen(out int port);
        using var link = new TcpByteLink("localhost", port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        listener.AcceptSocket().Dispose();
        Assert.AreEqual(LinkStatus.Closed, link.Read(new byte[4], 0, 4, 2000, out _));

        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        using Socket peer = listener.AcceptSocket();
        peer.Send(new byte[] { 42 });
        byte[] buffer = new byte[4];
        Assert.AreEqual(LinkStatus.Ok, link.Read(buffer, 0, 4, 2000, out int read));
        Assert.AreEqual(42, buffer[0]);
        Assert.AreEqual(LinkStatus.Ok, link.Write(new byte[] { 1, 2 }, 0, 2));
    }

    [TestMethod]
    public void Configure_records_the_settings_and_does_nothing_else()
    {
        using var link = new TcpByteLink("127.0.0.1", 1, TimeSpan.FromSeconds(1));
        Assert.AreEqual(LinkStatus.Ok, link.Configure(P1LineSettings.Dsmr4));
        Assert.IsTrue(P1LineSettings.Dsmr4.Equals(link.Settings));
        Assert.AreEqual("115200 8N1 inverted", link.Settings.ToString());
    }

    [TestMethod]
    public void Bad_arguments_are_refused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TcpByteLink("127.0.0.1", 0, TimeSpan.FromSeconds(1)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TcpByteLink("127.0.0.1", 80, TimeSpan.Zero));
        Assert.ThrowsExactly<ArgumentException>(() => new TcpByteLink(" ", 80, TimeSpan.FromSeconds(1)));
        using var link = new TcpByteLink("127.0.0.1", 80, TimeSpan.FromSeconds(1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => link.Read(new byte[4], 2, 4, 10, out _));
    }

    [TestMethod]
    public void Backoff_doubles_up_to_its_maximum_and_resets()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
        Assert.AreEqual(TimeSpan.FromMilliseconds(250), backoff.Next());
        Assert.AreEqual(TimeSpan.FromMilliseconds(500), backoff.Next());
        Assert.AreEqual(TimeSpan.FromSeconds(1), backoff.Next());
        Assert.AreEqual(TimeSpan.FromSeconds(1), backoff.Next());
        backoff.Reset();
        Assert.AreEqual(TimeSpan.FromMilliseconds(250), backoff.Next());
    }

    private static TcpListener Listen(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
