using System.Collections;

namespace System
{
    public interface IDisposable { void Dispose(); }
    public interface ICloneable { object Clone(); }
    public interface IComparable { int CompareTo(object obj); }

    public abstract class Delegate : ICloneable
    {
        protected Delegate() { }
        public object Target { get { throw null; } }
        public static Delegate Combine(Delegate a, Delegate b) { throw null; }
        public static Delegate Remove(Delegate source, Delegate value) { throw null; }
        public static bool operator ==(Delegate d1, Delegate d2) { throw null; }
        public static bool operator !=(Delegate d1, Delegate d2) { throw null; }
        public virtual object Clone() { throw null; }
        public override bool Equals(object obj) { throw null; }
        public override int GetHashCode() { throw null; }
    }

    public abstract class MulticastDelegate : Delegate
    {
        protected MulticastDelegate() { }
        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2) { throw null; }
        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2) { throw null; }
        public override bool Equals(object obj) { throw null; }
        public override int GetHashCode() { throw null; }
    }

    public delegate void Action();
    public delegate void AsyncCallback(IAsyncResult ar);

    public interface IAsyncResult
    {
        object AsyncState { get; }
        bool IsCompleted { get; }
        bool CompletedSynchronously { get; }
        System.Threading.WaitHandle AsyncWaitHandle { get; }
    }

    public class EventArgs
    {
        public static readonly EventArgs Empty;
        public EventArgs() { }
    }

    public delegate void EventHandler(object sender, EventArgs e);

    public abstract class Array : ICloneable, IList
    {
        private Array() { }
        public int Length { get { throw null; } }
        public static Array CreateInstance(Type elementType, int length) { throw null; }
        public static void Copy(Array sourceArray, Array destinationArray, int length) { }
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length) { }
        public static void Clear(Array array, int index, int length) { }
        public object GetValue(int index) { throw null; }
        public void SetValue(object value, int index) { }
        public static int IndexOf(Array array, object value) { throw null; }
        public static int IndexOf(Array array, object value, int startIndex) { throw null; }
        public static int IndexOf(Array array, object value, int startIndex, int count) { throw null; }
        public object Clone() { throw null; }
        public void CopyTo(Array array, int index) { }
        public IEnumerator GetEnumerator() { throw null; }
        public bool IsFixedSize { get { throw null; } }
        public bool IsReadOnly { get { throw null; } }
        public bool IsSynchronized { get { throw null; } }
        public object SyncRoot { get { throw null; } }
        int ICollection.Count { get { throw null; } }
        object IList.this[int index] { get { throw null; } set { } }
        int IList.Add(object value) { throw null; }
        bool IList.Contains(object value) { throw null; }
        void IList.Clear() { }
        int IList.IndexOf(object value) { throw null; }
        void IList.Insert(int index, object value) { }
        void IList.Remove(object value) { }
        void IList.RemoveAt(int index) { }
    }

    public enum DayOfWeek
    {
        Sunday = 0,
        Monday = 1,
        Tuesday = 2,
        Wednesday = 3,
        Thursday = 4,
        Friday = 5,
        Saturday = 6,
    }

    [Serializable]
    public struct TimeSpan
    {
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = 10000000;
        public const long TicksPerMinute = 600000000;
        public const long TicksPerHour = 36000000000;
        public const long TicksPerDay = 864000000000;
        public static readonly TimeSpan Zero;
        public static readonly TimeSpan MaxValue;
        public static readonly TimeSpan MinValue;
        public TimeSpan(long ticks) { throw null; }
        public TimeSpan(int hours, int minutes, int seconds) { throw null; }
        public TimeSpan(int days, int hours, int minutes, int seconds) { throw null; }
        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds) { throw null; }
        public long Ticks { get { throw null; } }
        public int Days { get { throw null; } }
        public int Hours { get { throw null; } }
        public int Milliseconds { get { throw null; } }
        public int Minutes { get { throw null; } }
        public int Seconds { get { throw null; } }
        public double TotalDays { get { throw null; } }
        public double TotalHours { get { throw null; } }
        public double TotalMilliseconds { get { throw null; } }
        public double TotalMinutes { get { throw null; } }
        public double TotalSeconds { get { throw null; } }
        public TimeSpan Add(TimeSpan ts) { throw null; }
        public static int Compare(TimeSpan t1, TimeSpan t2) { throw null; }
        public int CompareTo(object value) { throw null; }
        public TimeSpan Duration() { throw null; }
        public override bool Equals(object value) { throw null; }
        public static bool Equals(TimeSpan t1, TimeSpan t2) { throw null; }
        public override int GetHashCode() { throw null; }
        public TimeSpan Negate() { throw null; }
        public TimeSpan Subtract(TimeSpan ts) { throw null; }
        // nanoFramework 1.17: the From* factories take long, not double.
        public static TimeSpan FromTicks(long value) { throw null; }
        public static TimeSpan FromMilliseconds(long value) { throw null; }
        public static TimeSpan FromSeconds(long value) { throw null; }
        public static TimeSpan FromMinutes(long value) { throw null; }
        public static TimeSpan FromHours(long value) { throw null; }
        public static TimeSpan FromDays(long value) { throw null; }
        public override string ToString() { throw null; }
        public static TimeSpan operator -(TimeSpan t) { throw null; }
        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2) { throw null; }
        public static TimeSpan operator +(TimeSpan t) { throw null; }
        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator ==(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator !=(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator <(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator <=(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator >(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator >=(TimeSpan t1, TimeSpan t2) { throw null; }
    }

    [Serializable]
    public struct DateTime
    {
        public static readonly DateTime MinValue;
        public static readonly DateTime MaxValue;
        public DateTime(long ticks) { throw null; }
        public DateTime(int year, int month, int day) { throw null; }
        public DateTime(int year, int month, int day, int hour, int minute, int second) { throw null; }
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond) { throw null; }
        public static DateTime UtcNow { get { throw null; } }
        public static DateTime Today { get { throw null; } }
        public DateTime Date { get { throw null; } }
        public int Day { get { throw null; } }
        public DayOfWeek DayOfWeek { get { throw null; } }
        public int DayOfYear { get { throw null; } }
        public int Hour { get { throw null; } }
        public int Millisecond { get { throw null; } }
        public int Minute { get { throw null; } }
        public int Month { get { throw null; } }
        public int Second { get { throw null; } }
        public long Ticks { get { throw null; } }
        public TimeSpan TimeOfDay { get { throw null; } }
        public int Year { get { throw null; } }
        public DateTime Add(TimeSpan val) { throw null; }
        public DateTime AddDays(double val) { throw null; }
        public DateTime AddHours(double val) { throw null; }
        public DateTime AddMilliseconds(double val) { throw null; }
        public DateTime AddMinutes(double val) { throw null; }
        public DateTime AddSeconds(double val) { throw null; }
        public DateTime AddTicks(long val) { throw null; }
        public static int Compare(DateTime t1, DateTime t2) { throw null; }
        public int CompareTo(object val) { throw null; }
        public static int DaysInMonth(int year, int month) { throw null; }
        public override bool Equals(object val) { throw null; }
        public static bool Equals(DateTime t1, DateTime t2) { throw null; }
        public override int GetHashCode() { throw null; }
        public TimeSpan Subtract(DateTime val) { throw null; }
        public DateTime Subtract(TimeSpan val) { throw null; }
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static DateTime FromUnixTimeSeconds(long seconds) { throw null; }
        public long ToUnixTimeSeconds() { throw null; }
        public static DateTime operator +(DateTime d, TimeSpan t) { throw null; }
        public static DateTime operator -(DateTime d, TimeSpan t) { throw null; }
        public static TimeSpan operator -(DateTime d1, DateTime d2) { throw null; }
        public static bool operator ==(DateTime d1, DateTime d2) { throw null; }
        public static bool operator !=(DateTime d1, DateTime d2) { throw null; }
        public static bool operator <(DateTime t1, DateTime t2) { throw null; }
        public static bool operator <=(DateTime t1, DateTime t2) { throw null; }
        public static bool operator >(DateTime t1, DateTime t2) { throw null; }
        public static bool operator >=(DateTime t1, DateTime t2) { throw null; }
    }

    [Serializable]
    public struct Guid
    {
        public static readonly Guid Empty;
        public Guid(byte[] b) { throw null; }
        public Guid(string g) { throw null; }
        public static Guid NewGuid() { throw null; }
        public byte[] ToByteArray() { throw null; }
        public override string ToString() { throw null; }
        public override bool Equals(object o) { throw null; }
        public override int GetHashCode() { throw null; }
    }

    public class Random
    {
        public Random() { }
        public Random(int seed) { }
        public virtual int Next() { throw null; }
        public virtual int Next(int maxValue) { throw null; }
        public virtual double NextDouble() { throw null; }
        public virtual void NextBytes(byte[] buffer) { }
    }

    public static class BitConverter
    {
        public static bool IsLittleEndian { get { throw null; } }
        public static long DoubleToInt64Bits(double value) { throw null; }
        public static double Int64BitsToDouble(long value) { throw null; }
        public static byte[] GetBytes(bool value) { throw null; }
        public static byte[] GetBytes(char value) { throw null; }
        public static byte[] GetBytes(double value) { throw null; }
        public static byte[] GetBytes(float value) { throw null; }
        public static byte[] GetBytes(int value) { throw null; }
        public static byte[] GetBytes(long value) { throw null; }
        public static byte[] GetBytes(short value) { throw null; }
        public static byte[] GetBytes(uint value) { throw null; }
        public static byte[] GetBytes(ulong value) { throw null; }
        public static byte[] GetBytes(ushort value) { throw null; }
        public static bool ToBoolean(byte[] value, int startIndex) { throw null; }
        public static char ToChar(byte[] value, int startIndex) { throw null; }
        public static double ToDouble(byte[] value, int startIndex) { throw null; }
        public static short ToInt16(byte[] value, int startIndex) { throw null; }
        public static int ToInt32(byte[] value, int startIndex) { throw null; }
        public static long ToInt64(byte[] value, int startIndex) { throw null; }
        public static float ToSingle(byte[] value, int startIndex) { throw null; }
        public static ushort ToUInt16(byte[] value, int startIndex) { throw null; }
        public static uint ToUInt32(byte[] value, int startIndex) { throw null; }
        public static ulong ToUInt64(byte[] value, int startIndex) { throw null; }
        public static string ToString(byte[] value) { throw null; }
        public static string ToString(byte[] value, int startIndex) { throw null; }
        public static string ToString(byte[] value, int startIndex, int length) { throw null; }
    }

    public static class Convert
    {
        public static byte ToByte(string value, int fromBase = 10) { throw null; }
        public static short ToInt16(string value, int fromBase = 10) { throw null; }
        public static ushort ToUInt16(string value, int fromBase = 10) { throw null; }
        public static int ToInt32(string value, int fromBase = 10) { throw null; }
        public static uint ToUInt32(string value, int fromBase = 10) { throw null; }
        public static long ToInt64(string value, int fromBase = 10) { throw null; }
        public static ulong ToUInt64(string value, int fromBase = 10) { throw null; }
        public static sbyte ToSByte(string value, int fromBase = 10) { throw null; }
        public static double ToDouble(string value) { throw null; }
        public static float ToSingle(string value) { throw null; }
        public static string ToBase64String(byte[] inArray) { throw null; }
        public static string ToBase64String(byte[] inArray, int offset, int length) { throw null; }
        public static byte[] FromBase64String(string s) { throw null; }
    }

    // The real Console writes to the debugger output.
    public static class Console
    {
        public static void Write(string value) { }
        public static void WriteLine() { }
        public static void WriteLine(string value) { }
    }

    public static class GC
    {
        public static void SuppressFinalize(object obj) { }
        public static void ReRegisterForFinalize(object obj) { }
        public static void WaitForPendingFinalizers() { }
    }

    public readonly ref struct SpanByte
    {
        public SpanByte(byte[] array) { throw null; }
        public SpanByte(byte[] array, int start, int length) { throw null; }
        public byte this[int index] { get { throw null; } set { } }
        public static SpanByte Empty { get { throw null; } }
        public int Length { get { throw null; } }
        public bool IsEmpty { get { throw null; } }
        public void CopyTo(SpanByte destination) { }
        public SpanByte Slice(int start) { throw null; }
        public SpanByte Slice(int start, int length) { throw null; }
        public byte[] ToArray() { throw null; }
        public static implicit operator SpanByte(byte[] array) { throw null; }
    }
}

namespace System.Diagnostics
{
    // Compiled only in DEBUG builds (ConditionalAttribute), as on the device.
    public static class Debug
    {
        [Conditional("DEBUG")] public static void Assert(bool condition) { }
        [Conditional("DEBUG")] public static void Assert(bool condition, string message) { }
        [Conditional("DEBUG")] public static void Assert(bool condition, string message, string detailedMessage) { }
        [Conditional("DEBUG")] public static void Write(string message) { }
        [Conditional("DEBUG")] public static void WriteLine(string message) { }
    }

    public static class Debugger
    {
        public static bool IsAttached { get { throw null; } }
        public static void Break() { }
    }
}
