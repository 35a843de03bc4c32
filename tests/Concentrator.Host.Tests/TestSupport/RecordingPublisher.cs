using System.Collections.Generic;
using System.Text;
using System.Threading;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Tests.TestSupport;

/// <summary>Keeps a copy of every published message, for assertions; thread-safe.</summary>
public sealed class RecordingPublisher : IMessagePublisher
{
    private readonly object _lock = new();
    private readonly List<PublishedMessage> _messages = new();

    public void Publish(string topic, byte[] payload, int length, bool retain)
    {
        lock (_lock)
        {
            _messages.Add(new PublishedMessage(topic, Encoding.UTF8.GetString(payload, 0, length), retain));
            Monitor.PulseAll(_lock);
        }
    }

    public List<PublishedMessage> Snapshot()
    {
        lock (_lock)
        {
            return new List<PublishedMessage>(_messages);
        }
    }

    public int Count(string topicSuffix)
    {
        lock (_lock)
        {
            int count = 0;
            foreach (PublishedMessage message in _messages)
            {
                if (message.Topic.EndsWith(topicSuffix, System.StringComparison.Ordinal))
                {
                    count++;
                }
            }

            return count;
        }
    }
}

public sealed record PublishedMessage(string Topic, string Payload, bool Retain);
