namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// The parts of the configuration a change can touch, as far as the runtime is concerned: each is applied live, or
    /// needs the runtime restarted, or is only stored (<see cref="ConfigurationChange"/> says which; the table is in
    /// the README beside this file).
    /// </summary>
    [System.Flags]
    public enum ConfigurationArea
    {
        None = 0,

        /// <summary><c>admin.password</c> (NPWD): the command executor checks the current one; live.</summary>
        Password = 1,

        /// <summary><c>status.interval_h</c> (RINT): read by the status loop each round; live.</summary>
        StatusInterval = 2,

        /// <summary>The poll interval of a polled meter that stays on its port (POLL, MADD with INT only): live.</summary>
        PollIntervals = 4,

        /// <summary><c>poll.interval_s</c>: the interval a meter added later gets; nothing running uses it.</summary>
        DefaultPollInterval = 8,

        /// <summary>A meter added or removed, or changed beyond its interval (port, protocol, address, password, baud, objects, priority, push/poll): restart.</summary>
        Meters = 16,

        /// <summary><c>mqtt.host</c>, <c>mqtt.port</c>, <c>mqtt.user</c>, <c>mqtt.password</c>, <c>mqtt.tls</c>, <c>mqtt.keepalive_s</c>: a new broker session (reconnect).</summary>
        Broker = 32,

        /// <summary><c>device.id</c>, <c>topic.prefix</c>: every topic and the client id change: restart.</summary>
        Topics = 64,

        /// <summary><c>net.mode</c>, <c>wifi.*</c>, <c>net.ip</c>, <c>net.mask</c>, <c>net.gateway</c>, <c>net.dns</c>: restart.</summary>
        Network = 128,

        /// <summary><c>gsm.apn</c>, <c>gsm.user</c>, <c>gsm.password</c> (APN, DUSR, DPWD): stored and reported only (no IP over the modem on this platform).</summary>
        GsmData = 256,

        /// <summary>Board entries whose key starts with <c>modem.</c> (the modem's UART and pins): restart.</summary>
        Modem = 512,

        /// <summary>Every other board entry (<c>board</c>, <c>p1.*</c>, <c>optical.*</c>, <c>queue.*</c>, <c>mqtt.ca_file</c>, ...): restart.</summary>
        Board = 1024,

        /// <summary><c>mqtt.payload_bytes</c>, <c>report.interval_s</c>: buffers and throttles sized once at start: restart.</summary>
        Buffers = 2048,
    }
}
