namespace System.Threading
{
    public struct CancellationToken
    {
        public CancellationToken(bool canceled) { throw null; }
        public static CancellationToken None { get { throw null; } }
        public bool IsCancellationRequested { get { throw null; } }
        public bool CanBeCanceled { get { throw null; } }
        public WaitHandle WaitHandle { get { throw null; } }
        public void ThrowIfCancellationRequested() { }
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() { }
        public CancellationTokenSource(int millisecondsDelay) { }
        public CancellationTokenSource(TimeSpan delay) { }
        public bool IsCancellationRequested { get { throw null; } }
        public CancellationToken Token { get { throw null; } }
        public void Cancel() { }
        public void CancelAfter(int millisecondsDelay) { }
        public void Dispose() { }
    }

    public class OperationCanceledException : SystemException
    {
        public OperationCanceledException() { }
        public OperationCanceledException(string message) { }
    }
}
