using System.Collections.Generic;

namespace Concentrator.Host.Tests.Support;

/// <summary>What the generated mosquitto configuration contains.</summary>
public sealed class MosquittoBrokerOptions
{
    /// <summary><c>allow_anonymous</c>; set false together with <see cref="Users"/> to require a password.</summary>
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>User names and passwords written to a password file with <c>mosquitto_passwd</c>; none when empty.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the listener speaks TLS with these files.</summary>
    public TestCertificates? Tls { get; init; }

    /// <summary>
    /// Keep sessions and queued messages across a <see cref="MosquittoBroker.Restart"/> (saved on SIGTERM), with no limit on
    /// messages queued for an offline persistent subscriber.
    /// </summary>
    public bool Persistence { get; init; }
}
