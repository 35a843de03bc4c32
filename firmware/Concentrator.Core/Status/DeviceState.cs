namespace Concentrator.Core.Status
{
    /// <summary>What the concentrator is doing, as its status LED shows it (<see cref="StatusBlink"/>).</summary>
    public enum DeviceState : byte
    {
        /// <summary>Powered, loading settings: LED on steadily for the first seconds.</summary>
        Starting = 0,

        /// <summary>The settings or the board profile are unusable; the log says which setting: fast blink (5 per second).</summary>
        SettingsProblem = 1,

        /// <summary>No network yet (Wi-Fi not joined, Ethernet without link or address): slow blink (once a second).</summary>
        NoNetwork = 2,

        /// <summary>Network up, broker not reachable or refusing: two short flashes every two seconds.</summary>
        NoBroker = 3,

        /// <summary>Connected to the broker and forwarding: on, with a short dark blink every two seconds (alive).</summary>
        Running = 4,
    }
}
