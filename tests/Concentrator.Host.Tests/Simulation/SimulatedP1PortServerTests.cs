using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Concentrator.Core.Io;
using Concentrator.Host.Simulation;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

[TestClass]
public sealed class SimulatedP1PortServerTests
{
    [TestMethod]
    public void First_telegram_arrives_right_after_connect_and_no_faster_than_115200_8N1()
    {
        using var server = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromSeconds(10) });
        server.Start();

        // The clock starts before the connect, so it starts before the server can send anything: the time measured
        // to the last byte cannot be shorter than the pacing made it, however the threads are scheduled.
        long start = Stopwatch.GetTimestamp();
        using var client = new TcpClient();
        client.Connect("127.0.0.1", server.Port);
        client.ReceiveTimeout = 5000;
        NetworkStream stream = client.GetStream();
        var received = new StringBuilder();
        byte[] buffer = new byte[4096];
        TimeSpan firstByte = TimeSpan.Zero;
        while (!TelegramComplete(received))
        {
            int n = stream.Read(buffer, 0, buffer.Length);
            Assert.IsTrue(n > 0, "the server closed the connection early");
            if (received.Length == 0)
            {
                firstByte = Stopwatch.GetElapsedTime(start);
            }

            received.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }

        TimeSpan lastByte = Stopwatch.GetElapsedTime(start);
        int length = received.Length;
        var pacer = new WireRatePacer(new LineSettings(115200, 8, LineParity.None, 1, true));
        TimeSpan wire = pacer.WireTime(length);
        Assert.AreEqual(length * 10 / 115200.0, wire.TotalSeconds, 2e-6, "10 bits per byte at 115200 baud");

        // The last chunk may leave as soon as the bytes before it would have been on the line.
        TimeSpan minimum = pacer.WireTime(length - WireRatePacer.DefaultChunkSize);
        Assert.IsTrue(lastByte >= minimum, length + " bytes arrived in " + lastByte.TotalMilliseconds + " ms; the line needs at least " + minimum.TotalMilliseconds + " ms");
        Assert.IsTrue(firstByte < TimeSpan.FromSeconds(3), "first byte after " + firstByte.TotalMilliseconds + " ms; the interval is 10 s, the first telegram must not wait for it");
        StringAssert.StartsWith(received.ToString(), "/XMX5LGBBFG10");
    }

    [TestMethod]
    public void Unpaced_server_sends_the_same_telegram_at_once()
    {
        using var server = new SimulatedP1PortServer(new SimulatedP1PortOptions { BaudRate = 0, Interval = TimeSpan.FromSeconds(10) });
        server.Start();
        using var client = new TcpClient();
        client.Connect("127.0.0.1", server.Port);
        client.ReceiveTimeout = 5000;
        var received = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!TelegramComplete(received))
        {
            int n = client.GetStream().Read(buffer, 0, buffer.Length);
            Assert.IsTrue(n > 0);
            received.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }

        StringAssert.StartsWith(received.ToString(), "/XMX5LGBBFG10");
    }

    [TestMethod]
    public void Every_client_gets_the_stream_and_stop_closes_the_connections()
    {
        var server = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(100) });
        server.Start();
        using var first = new TcpClient();
        using var second = new TcpClient();
        first.Connect("127.0.0.1", server.Port);
        second.Connect("127.0.0.1", server.Port);
        first.ReceiveTimeout = 5000;
        second.ReceiveTimeout = 5000;
        byte[] buffer = new byte[1];
        Assert.AreEqual(1, first.GetStream().Read(buffer, 0, 1));
        Assert.AreEqual((byte)'/', buffer[0]);
        Assert.AreEqual(1, second.GetStream().Read(buffer, 0, 1));
        Assert.AreEqual((byte)'/', buffer[0]);
        Assert.AreEqual(2, server.ConnectedClients);

        long stopping = Stopwatch.GetTimestamp();
        server.Stop();
        Assert.IsTrue(Stopwatch.GetElapsedTime(stopping) < TimeSpan.FromSeconds(5), "stop is bounded");
        byte[] rest = new byte[65536];
        int read;
        do
        {
            read = first.GetStream().Read(rest, 0, rest.Length);
        }
        while (read > 0);

        Assert.AreEqual(0, server.ConnectedClients);
        server.Dispose();
    }

    [TestMethod]
    public void Bad_options_are_refused_with_the_setting_named()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.Zero }));
        StringAssert.Contains(exception.Message, "telegram interval must be");
        exception = Assert.ThrowsExactly<ArgumentException>(() => new SimulatedP1PortServer(new SimulatedP1PortOptions { OverlongLength = 10 }));
        StringAssert.Contains(exception.Message, "over-long telegram length");
    }

    private static bool TelegramComplete(StringBuilder received)
    {
        string text = received.ToString();
        int bang = text.IndexOf('!');
        return bang >= 0 && text.Length >= bang + 7;
    }
}
