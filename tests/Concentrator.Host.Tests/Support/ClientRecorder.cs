using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Support;

/// <summary>Records what an <see cref="MqttClient"/> reports so a test can wait for it with a bound.</summary>
public sealed class ClientRecorder
{
    private readonly Channel<MqttMessageReceivedEventArgs> _messages = Channel.CreateUnbounded<MqttMessageReceivedEventArgs>();
    private readonly Channel<MqttDisconnectedEventArgs> _disconnects = Channel.CreateUnbounded<MqttDisconnectedEventArgs>();

    public ClientRecorder(MqttClient client)
    {
        client.MessageReceived += (_, e) => _messages.Writer.TryWrite(e);
        client.Disconnected += (_, e) => _disconnects.Writer.TryWrite(e);
    }

    /// <summary>The next message received, or an assertion failure after <paramref name="timeout"/>.</summary>
    public Task<MqttMessageReceivedEventArgs> NextMessageAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        NextAsync(_messages.Reader, timeout, "a message", cancellationToken);

    /// <summary>A message already received, if there is one.</summary>
    public bool TryNext([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MqttMessageReceivedEventArgs? message) => _messages.Reader.TryRead(out message);

    /// <summary>The next disconnect reported, or an assertion failure after <paramref name="timeout"/>.</summary>
    public Task<MqttDisconnectedEventArgs> NextDisconnectAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        NextAsync(_disconnects.Reader, timeout, "a disconnect", cancellationToken);

    /// <summary>Asserts that no message arrives within <paramref name="window"/>.</summary>
    public async Task AssertNoMessageAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(window);
        try
        {
            MqttMessageReceivedEventArgs unexpected = await _messages.Reader.ReadAsync(timeout.Token);
            Assert.Fail($"Expected no message, got '{unexpected.Message.Topic}'.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing arrived: as expected.
        }
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        using CancellationTokenSource bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            return await reader.ReadAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"Waited {timeout.TotalSeconds} s for {what}; none came.");
            throw;
        }
    }
}
