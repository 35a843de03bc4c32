using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

/// <summary>Server behaviour a healthy broker does not show, played by hand over loopback TCP.</summary>
[TestClass]
public sealed class MqttClientFakeServerTests
{
    private static readonly TimeSpan Wait = TestClients.Wait;

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancel => TestContext.CancellationToken;

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task ConnectCarriesTheConfiguredFields()
    {
        using FakeMqttServer server = new();
        MqttClientOptions options = TestClients.Options(server.Port, "fields") with { KeepAliveSeconds = 45, UserName = "u", Password = "p" };
        using MqttClient client = new(options);
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);

        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        ReceivedPacket connect = await connection.ReceivePacketAsync(Wait, Cancel);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttConnectPacket.TryDecode(connect.Body, 0, connect.Body.Length, out MqttConnectPacket packet));
        Assert.AreEqual("fields", packet.ClientIdentifier);
        Assert.AreEqual((ushort)45, packet.KeepAliveSeconds);
        Assert.IsTrue(packet.CleanSession);
        Assert.AreEqual("u", packet.UserName);
        await connection.SendAsync(Bytes.FromHex("20 02 00 00"), Cancel);

        Assert.AreEqual(MqttConnectStatus.Accepted, (await connecting).Status);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task MissingPingResponseEndsTheConnection()
    {
        using FakeMqttServer server = new();
        MqttClientOptions options = TestClients.Options(server.Port, "no-pingresp") with
        {
            KeepAliveSeconds = 1,
            PingResponseTimeout = TimeSpan.FromSeconds(1),
        };
        using MqttClient client = new(options);
        ClientRecorder events = new(client);
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);
        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        await connection.AcceptConnectAsync(Wait, Cancel);
        Assert.IsTrue((await connecting).IsAccepted);

        // 3.12: PINGREQ is C0 00; this server never answers it.
        ReceivedPacket ping = await connection.ReceivePacketAsync(Wait, Cancel);
        Assert.AreEqual(MqttPacketType.PingReq, ping.Type);
        Assert.AreEqual(0, ping.Body.Length);

        MqttDisconnectedEventArgs disconnect = await events.NextDisconnectAsync(Wait, Cancel);
        Assert.AreEqual(MqttDisconnectReason.NoPingResponse, disconnect.Reason);
        Assert.IsTrue(await connection.WaitForCloseAsync(Wait, Cancel), "the client closes the socket");
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task AnsweredPingsKeepTheConnection()
    {
        using FakeMqttServer server = new();
        MqttClientOptions options = TestClients.Options(server.Port, "pingresp") with
        {
            KeepAliveSeconds = 1,
            PingResponseTimeout = TimeSpan.FromSeconds(1),
        };
        using MqttClient client = new(options);
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);
        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        await connection.AcceptConnectAsync(Wait, Cancel);
        Assert.IsTrue((await connecting).IsAccepted);

        for (int i = 0; i < 3; i++)
        {
            Assert.AreEqual(MqttPacketType.PingReq, (await connection.ReceivePacketAsync(Wait, Cancel)).Type);
            await connection.SendAsync(Bytes.FromHex("D0 00"), Cancel);
        }

        Assert.AreEqual(MqttClientState.Connected, client.State);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task MalformedPacketFromTheServerEndsTheConnection()
    {
        using FakeMqttServer server = new();
        using MqttClient client = new(TestClients.Options(server.Port, "malformed"));
        ClientRecorder events = new(client);
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);
        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        await connection.AcceptConnectAsync(Wait, Cancel);
        Assert.IsTrue((await connecting).IsAccepted);

        // PUBACK with Remaining Length 3 (3.4.1 fixes it at 2).
        await connection.SendAsync(Bytes.FromHex("40 03 00 01 00"), Cancel);

        MqttDisconnectedEventArgs disconnect = await events.NextDisconnectAsync(Wait, Cancel);
        Assert.AreEqual(MqttDisconnectReason.ProtocolViolation, disconnect.Reason);
        StringAssert.Contains(disconnect.Detail, nameof(MqttDecodeStatus.InvalidRemainingLength));
        Assert.IsTrue(await connection.WaitForCloseAsync(Wait, Cancel), "4.8: the client closes the connection");
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task PublishArrivingInPiecesIsReassembledAndAcknowledged()
    {
        using FakeMqttServer server = new();
        using MqttClient client = new(TestClients.Options(server.Port, "pieces"));
        ClientRecorder received = new(client);
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);
        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        await connection.AcceptConnectAsync(Wait, Cancel);
        Assert.IsTrue((await connecting).IsAccepted);

        byte[] payload = new byte[300];
        new Random(3).NextBytes(payload);
        MqttPacketWriter writer = new();
        new MqttPublishPacket { TopicName = "a/b", Payload = payload, QualityOfService = MqttQualityOfService.AtLeastOnce, PacketIdentifier = 7 }.Encode(writer);
        await connection.SendInPiecesAsync(writer.ToArray(), pieceSize: 7, TimeSpan.FromMilliseconds(1), Cancel);

        MqttMessageReceivedEventArgs message = await received.NextMessageAsync(Wait, Cancel);
        Assert.AreEqual("a/b", message.Message.Topic);
        CollectionAssert.AreEqual(payload, message.Message.Payload);

        // 4.3.2: PUBACK with the PUBLISH's Packet Identifier: 40 02 00 07.
        ReceivedPacket pubAck = await connection.ReceivePacketAsync(Wait, Cancel);
        Assert.AreEqual(MqttPacketType.PubAck, pubAck.Type);
        Assert.AreEqual("0007", Bytes.ToHex(pubAck.Body));
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task MissingPubAckTimesOutAndALatePubAckClearsTheMessage()
    {
        using FakeMqttServer server = new();
        MqttClientOptions options = TestClients.Options(server.Port, "late-puback") with { AcknowledgeTimeout = TimeSpan.FromMilliseconds(300) };
        using MqttClient client = new(options);
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);
        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        await connection.AcceptConnectAsync(Wait, Cancel);
        Assert.IsTrue((await connecting).IsAccepted);

        MqttPublishResult result = await client.PublishAsync("r/1", "v", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel);
        Assert.AreEqual(MqttRequestStatus.TimedOut, result.Status);
        Assert.AreEqual(1, client.UnacknowledgedPublishes.Count);

        ReceivedPacket publish = await connection.ReceivePacketAsync(Wait, Cancel);
        Assert.AreEqual(MqttPacketType.Publish, publish.Type);
        Assert.AreEqual(0x02, publish.Flags, "QoS 1, no DUP, no RETAIN");
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttPublishPacket.TryDecode(publish.Flags, publish.Body, 0, publish.Body.Length, out MqttPublishPacket sent));
        Assert.AreEqual(result.PacketIdentifier, sent.PacketIdentifier);

        await connection.SendAsync(Codec.Encode(new MqttPubAckPacket(sent.PacketIdentifier).Encode), Cancel);
        Stopwatch waited = Stopwatch.StartNew();
        while (client.UnacknowledgedPublishes.Count != 0 && waited.Elapsed < Wait)
        {
            await Task.Delay(20, Cancel);
        }

        Assert.AreEqual(0, client.UnacknowledgedPublishes.Count);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task MissingConnAckTimesOut()
    {
        using FakeMqttServer server = new();
        MqttClientOptions options = TestClients.Options(server.Port, "no-connack") with { ConnectTimeout = TimeSpan.FromSeconds(1) };
        using MqttClient client = new(options);
        Stopwatch elapsed = Stopwatch.StartNew();
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);
        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        await connection.ReceivePacketAsync(Wait, Cancel);

        MqttConnectResult result = await connecting;

        Assert.AreEqual(MqttConnectStatus.TimedOut, result.Status, result.Detail);
        Assert.IsTrue(elapsed.Elapsed < TimeSpan.FromSeconds(3), $"took {elapsed.Elapsed}");
        Assert.AreEqual(MqttClientState.Disconnected, client.State);
        Assert.IsTrue(await connection.WaitForCloseAsync(Wait, Cancel));
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task RefusalCodeIsReported()
    {
        using FakeMqttServer server = new();
        using MqttClient client = new(TestClients.Options(server.Port, "refused"));
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);
        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        await connection.ReceivePacketAsync(Wait, Cancel);
        await connection.SendAsync(Bytes.FromHex("20 02 00 04"), Cancel); // 3.2.2.3: bad user name or password

        MqttConnectResult result = await connecting;

        Assert.AreEqual(MqttConnectStatus.Refused, result.Status);
        Assert.AreEqual(MqttConnectReturnCode.BadUserNameOrPassword, result.ReturnCode);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task FirstPacketOtherThanConnAckIsAProtocolViolation()
    {
        using FakeMqttServer server = new();
        using MqttClient client = new(TestClients.Options(server.Port, "not-connack"));
        Task<MqttConnectResult> connecting = client.ConnectAsync(Cancel);
        using FakeMqttServerConnection connection = await server.AcceptAsync(Wait, Cancel);
        await connection.ReceivePacketAsync(Wait, Cancel);
        await connection.SendAsync(Bytes.FromHex("D0 00"), Cancel);

        MqttConnectResult result = await connecting;

        Assert.AreEqual(MqttConnectStatus.ProtocolViolation, result.Status, result.Detail);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task NothingListeningIsANetworkFailure()
    {
        using RefusingPort nobody = new(); // nobody listens there, and nobody can start to during the test
        using MqttClient client = new(TestClients.Options(nobody.Port, "nobody-home"));

        MqttConnectResult result = await client.ConnectAsync(Cancel);

        Assert.AreEqual(MqttConnectStatus.NetworkFailure, result.Status, result.Detail);
        Assert.AreEqual(MqttClientState.Disconnected, client.State);
    }
}
