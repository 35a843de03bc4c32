namespace System
{
    [Serializable]
    public class Exception
    {
        public Exception() { }
        public Exception(string message) { }
        public Exception(string message, Exception innerException) { }
        public virtual string Message { get { throw null; } }
        public Exception InnerException { get { throw null; } }
        public virtual string StackTrace { get { throw null; } }
        public override string ToString() { throw null; }
    }

    [Serializable]
    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) { }
        public SystemException(string message, Exception innerException) { }
    }

    [Serializable]
    public class ApplicationException : Exception
    {
        public ApplicationException() { }
        public ApplicationException(string message) { }
        public ApplicationException(string message, Exception innerException) { }
    }

    [Serializable]
    public class ArgumentException : SystemException
    {
        public ArgumentException() { }
        public ArgumentException(string message) { }
        public ArgumentException(string message, Exception innerException) { }
        public ArgumentException(string message, string paramName) { }
        public ArgumentException(string message, string paramName, Exception innerException) { }
        public virtual string ParamName { get { throw null; } }
    }

    [Serializable]
    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }
        public ArgumentNullException(string paramName) { }
        public ArgumentNullException(string paramName, string message) { }
    }

    [Serializable]
    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }
        public ArgumentOutOfRangeException(string paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) { }
    }

    [Serializable]
    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(string message) { }
        public InvalidOperationException(string message, Exception innerException) { }
    }

    [Serializable]
    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(string message) { }
        public NotSupportedException(string message, Exception innerException) { }
    }

    [Serializable]
    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(string message) { }
        public NotImplementedException(string message, Exception innerException) { }
    }

    [Serializable]
    public class NullReferenceException : SystemException
    {
        public NullReferenceException() { }
        public NullReferenceException(string message) { }
        public NullReferenceException(string message, Exception innerException) { }
    }

    [Serializable]
    public sealed class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() { }
        public IndexOutOfRangeException(string message) { }
        public IndexOutOfRangeException(string message, Exception innerException) { }
    }

    [Serializable]
    public class InvalidCastException : SystemException
    {
        public InvalidCastException() { }
        public InvalidCastException(string message) { }
        public InvalidCastException(string message, Exception innerException) { }
    }

    [Serializable]
    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() { }
        public OutOfMemoryException(string message) { }
        public OutOfMemoryException(string message, Exception innerException) { }
    }

    [Serializable]
    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException() { }
        public ObjectDisposedException(string objectName) { }
        public ObjectDisposedException(string objectName, string message) { }
    }

    [Serializable]
    public class FormatException : SystemException
    {
        public FormatException() { }
        public FormatException(string message) { }
        public FormatException(string message, Exception innerException) { }
    }

    [Serializable]
    public class TimeoutException : SystemException
    {
        public TimeoutException() { }
        public TimeoutException(string message) { }
        public TimeoutException(string message, Exception innerException) { }
    }
}

namespace System.IO
{
    [Serializable]
    public class IOException : SystemException
    {
        public IOException() { }
        public IOException(string message) { }
        public IOException(string message, int hresult) { }
        public IOException(string message, Exception innerException) { }
    }
}
