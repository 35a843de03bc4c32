namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        // Runs the garbage collector; returns the free heap in bytes.
        public static uint Run(bool compactHeap) { throw null; }
        public static void EnableGCMessages(bool enable) { }
    }

    public delegate void RebootEventHandler();

    public class Power
    {
        public static event RebootEventHandler OnRebootEvent;
        public static void RebootDevice() { }
        public static void RebootDevice(int exeConstraintTimeout) { }
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }
}

namespace System
{
    // Environment lives in nanoFramework.Runtime.Native, not in mscorlib.
    public static partial class Environment
    {
        public static long TickCount64 { get { throw null; } }
    }
}
