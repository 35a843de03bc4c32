namespace System.Threading
{
    public delegate void ThreadStart();
    public delegate void TimerCallback(object state);

    public enum ThreadPriority
    {
        Lowest = 0,
        BelowNormal = 1,
        Normal = 2,
        AboveNormal = 3,
        Highest = 4,
    }

    [Flags]
    public enum ThreadState
    {
        Running = 0,
        StopRequested = 1,
        SuspendRequested = 2,
        Background = 4,
        Unstarted = 8,
        Stopped = 16,
        WaitSleepJoin = 32,
        Suspended = 64,
        AbortRequested = 128,
        Aborted = 256,
    }

    public sealed class Thread
    {
        public Thread(ThreadStart start) { }
        public void Start() { }
        public void Abort() { }
        public void Join() { }
        public bool Join(int millisecondsTimeout) { throw null; }
        public bool Join(TimeSpan timeout) { throw null; }
        public static void Sleep(int millisecondsTimeout) { }
        public static void Sleep(TimeSpan timeout) { }
        public static Thread CurrentThread { get { throw null; } }
        public ThreadPriority Priority { get { throw null; } set { } }
        public int ManagedThreadId { get { throw null; } }
        public bool IsAlive { get { throw null; } }
        public ThreadState ThreadState { get { throw null; } }
    }

    public static class Timeout
    {
        public const int Infinite = -1;
        public static readonly TimeSpan InfiniteTimeSpan;
    }

    public static class Monitor
    {
        public static void Enter(object obj) { }
        public static void Exit(object obj) { }
    }

    public static class Interlocked
    {
        public static int Increment(ref int location) { throw null; }
        public static int Decrement(ref int location) { throw null; }
        public static int Exchange(ref int location1, int value) { throw null; }
        public static int CompareExchange(ref int location1, int value, int comparand) { throw null; }
    }

    public abstract class WaitHandle : MarshalByRefObject
    {
        public const int WaitTimeout = 0x102;
        protected WaitHandle() { }
        public virtual bool WaitOne() { throw null; }
        public virtual bool WaitOne(int millisecondsTimeout, bool exitContext) { throw null; }
        public static bool WaitAll(WaitHandle[] waitHandles) { throw null; }
        public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) { throw null; }
        public static int WaitAny(WaitHandle[] waitHandles) { throw null; }
        public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) { throw null; }
    }

    public sealed class AutoResetEvent : WaitHandle
    {
        public AutoResetEvent(bool initialState) { }
        public bool Reset() { throw null; }
        public bool Set() { throw null; }
    }

    public sealed class ManualResetEvent : WaitHandle
    {
        public ManualResetEvent(bool initialState) { }
        public bool Reset() { throw null; }
        public bool Set() { throw null; }
    }

    public sealed class Timer : MarshalByRefObject, IDisposable
    {
        public Timer(TimerCallback callback, object state, int dueTime, int period) { }
        public Timer(TimerCallback callback, object state, TimeSpan dueTime, TimeSpan period) { }
        public bool Change(int dueTime, int period) { throw null; }
        public bool Change(TimeSpan dueTime, TimeSpan period) { throw null; }
        public void Dispose() { }
    }
}

namespace System
{
    public abstract class MarshalByRefObject
    {
        protected MarshalByRefObject() { }
    }
}

namespace System.IO
{
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        protected Stream() { }
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public virtual bool CanTimeout { get { throw null; } }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual int ReadTimeout { get { throw null; } set { } }
        public virtual int WriteTimeout { get { throw null; } set { } }
        public virtual void Close() { }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public abstract void Flush();
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract int Read(byte[] buffer, int offset, int count);
        public virtual int ReadByte() { throw null; }
        public abstract void Write(byte[] buffer, int offset, int count);
        public virtual void WriteByte(byte value) { }
    }
}
