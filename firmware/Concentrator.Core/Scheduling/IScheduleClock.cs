namespace Concentrator.Core.Scheduling
{
    /// <summary>
    /// The time a scheduler runs on: UTC in milliseconds since 0001-01-01T00:00:00Z (<c>DateTime.UtcNow.Ticks / 10000</c>),
    /// so that slots can be aligned to midnight UTC. Injected so that tests drive time by hand.
    /// </summary>
    public interface IScheduleClock
    {
        long UtcMilliseconds { get; }
    }
}
