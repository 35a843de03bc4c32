namespace Concentrator.Core.Configuration
{
    /// <summary>What <see cref="RestartPlanner.Poll"/> tells the runtime to do now.</summary>
    public enum RestartStep : byte
    {
        /// <summary>No restart is planned.</summary>
        Idle = 0,

        /// <summary>A restart is planned; keep waiting.</summary>
        Waiting = 1,

        /// <summary>A restart is planned: log the countdown (<see cref="RestartPlanner.SecondsLeft"/>) and keep waiting.</summary>
        Announce = 2,

        /// <summary>The time has come: persist what must survive and restart.</summary>
        RestartNow = 3,
    }
}
