using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

/// <summary>User name and password (3.1.3.4, 3.1.3.5) against mosquitto with a password file made by mosquitto_passwd.</summary>
[TestClass]
public sealed class MqttClientAuthenticationTests
{
    private static readonly MosquittoBrokerOptions PasswordOnly = new()
    {
        AllowAnonymous = false,
        Users = new Dictionary<string, string> { ["concentrator"] = "s3cret-Pa55" },
    };

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancel => TestContext.CancellationToken;

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task RightPasswordIsAccepted()
    {
        using MosquittoBroker broker = MosquittoBroker.Start(PasswordOnly);
        MqttClientOptions options = TestClients.Options(broker.Port, "auth-ok") with { UserName = "concentrator", Password = "s3cret-Pa55" };
        using MqttClient client = new(options);

        MqttConnectResult result = await client.ConnectAsync(Cancel);

        Assert.AreEqual(MqttConnectStatus.Accepted, result.Status, result.Detail);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, (await client.PublishAsync("auth/ok", "x", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel)).Status);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task WrongPasswordIsRefusedWithItsConnAckCode()
    {
        using MosquittoBroker broker = MosquittoBroker.Start(PasswordOnly);
        MqttClientOptions options = TestClients.Options(broker.Port, "auth-wrong") with { UserName = "concentrator", Password = "wrong" };
        using MqttClient client = new(options);

        MqttConnectResult result = await client.ConnectAsync(Cancel);

        // mosquitto 2.0 answers a failed password check with 5 (not authorised), not 4 (Table 3.1); both are refusals.
        Assert.AreEqual(MqttConnectStatus.Refused, result.Status, result.Detail);
        Assert.AreEqual(MqttConnectReturnCode.NotAuthorized, result.ReturnCode);
        Assert.AreEqual(MqttClientState.Disconnected, client.State);

        // The same client may try again with the same options and gets the same answer, not an exception.
        Assert.AreEqual(MqttConnectStatus.Refused, (await client.ConnectAsync(Cancel)).Status);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task MissingCredentialsAreRefused()
    {
        using MosquittoBroker broker = MosquittoBroker.Start(PasswordOnly);
        using MqttClient client = new(TestClients.Options(broker.Port, "auth-anonymous"));

        MqttConnectResult result = await client.ConnectAsync(Cancel);

        Assert.AreEqual(MqttConnectStatus.Refused, result.Status, result.Detail);
        Assert.AreEqual(MqttConnectReturnCode.NotAuthorized, result.ReturnCode);
    }
}
