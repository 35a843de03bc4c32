using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

/// <summary>MQTT over TLS to mosquitto with a throwaway CA and server certificate made by openssl.</summary>
[TestClass]
public sealed class MqttClientTlsTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancel => TestContext.CancellationToken;

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task ConnectsWithTheCaFileAndExchangesMessages()
    {
        using TestCertificates certificates = TestCertificates.Create();
        using MosquittoBroker broker = MosquittoBroker.Start(new MosquittoBrokerOptions { Tls = certificates });
        MqttClientOptions options = TestClients.Options(broker.Port, "tls-by-name") with
        {
            Host = "localhost",
            UseTls = true,
            CaCertificateFile = certificates.CaCertificateFile,
        };
        using MqttClient client = await TestClients.ConnectAsync(options, Cancel);
        ClientRecorder received = new(client);
        await client.SubscribeAsync("tls/#", MqttQualityOfService.AtLeastOnce, Cancel);

        MqttPublishResult published = await client.PublishAsync("tls/echo", "secret reading", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel);

        Assert.AreEqual(MqttRequestStatus.Acknowledged, published.Status);
        Assert.AreEqual("secret reading", Encoding.UTF8.GetString((await received.NextMessageAsync(TestClients.Wait, Cancel)).Message.Payload));
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task ConnectsByIpAddressInTheCertificate()
    {
        using TestCertificates certificates = TestCertificates.Create();
        using MosquittoBroker broker = MosquittoBroker.Start(new MosquittoBrokerOptions { Tls = certificates });
        MqttClientOptions options = TestClients.Options(broker.Port, "tls-by-ip") with
        {
            UseTls = true,
            CaCertificateFile = certificates.CaCertificateFile,
        };
        using MqttClient client = new(options);

        MqttConnectResult result = await client.ConnectAsync(Cancel);

        Assert.AreEqual(MqttConnectStatus.Accepted, result.Status, result.Detail);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task ServerCertificateFromAnotherCaIsRefused()
    {
        using TestCertificates certificates = TestCertificates.Create();
        using TestCertificates stranger = TestCertificates.CreateAuthorityOnly();
        using MosquittoBroker broker = MosquittoBroker.Start(new MosquittoBrokerOptions { Tls = certificates });
        MqttClientOptions options = TestClients.Options(broker.Port, "tls-wrong-ca") with
        {
            UseTls = true,
            CaCertificateFile = stranger.CaCertificateFile,
        };
        using MqttClient client = new(options);

        MqttConnectResult result = await client.ConnectAsync(Cancel);

        Assert.AreEqual(MqttConnectStatus.TlsFailure, result.Status, result.Detail);
        Assert.AreEqual(MqttClientState.Disconnected, client.State);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task ServerNameNotInTheCertificateIsRefused()
    {
        using TestCertificates certificates = TestCertificates.Create();
        using MosquittoBroker broker = MosquittoBroker.Start(new MosquittoBrokerOptions { Tls = certificates });
        MqttClientOptions options = TestClients.Options(broker.Port, "tls-wrong-name") with
        {
            UseTls = true,
            CaCertificateFile = certificates.CaCertificateFile,
            TlsServerName = "broker.invalid",
        };
        using MqttClient client = new(options);

        MqttConnectResult result = await client.ConnectAsync(Cancel);

        Assert.AreEqual(MqttConnectStatus.TlsFailure, result.Status, result.Detail);
    }
}
