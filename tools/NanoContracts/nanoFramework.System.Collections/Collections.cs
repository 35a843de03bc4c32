namespace System.Collections
{
    [Serializable]
    public struct DictionaryEntry
    {
        public object Key;
        public object Value;
        public DictionaryEntry(object key, object value) { throw null; }
    }

    public interface IDictionaryEnumerator : IEnumerator
    {
        object Key { get; }
        object Value { get; }
        DictionaryEntry Entry { get; }
    }

    public interface IDictionary : ICollection
    {
        object this[object key] { get; set; }
        ICollection Keys { get; }
        ICollection Values { get; }
        bool Contains(object key);
        void Add(object key, object value);
        void Clear();
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        void Remove(object key);
    }

    public class Hashtable : IDictionary, ICloneable
    {
        public Hashtable() { }
        public Hashtable(int capacity) { }
        public virtual object this[object key] { get { throw null; } set { } }
        public virtual ICollection Keys { get { throw null; } }
        public virtual ICollection Values { get { throw null; } }
        public virtual int Count { get { throw null; } }
        public virtual bool IsReadOnly { get { throw null; } }
        public virtual bool IsFixedSize { get { throw null; } }
        public virtual bool IsSynchronized { get { throw null; } }
        public virtual object SyncRoot { get { throw null; } }
        public virtual void Add(object key, object value) { }
        public virtual void Clear() { }
        public virtual object Clone() { throw null; }
        public virtual bool Contains(object key) { throw null; }
        public virtual bool ContainsKey(object key) { throw null; }
        public virtual void CopyTo(Array array, int arrayIndex) { }
        public IEnumerator GetEnumerator() { throw null; }
        public virtual void Remove(object key) { }
    }

    [Serializable]
    public class Queue : ICollection, ICloneable
    {
        public Queue() { }
        public virtual int Count { get { throw null; } }
        public virtual bool IsSynchronized { get { throw null; } }
        public virtual object SyncRoot { get { throw null; } }
        public virtual object Clone() { throw null; }
        public virtual void Clear() { }
        public virtual bool Contains(object obj) { throw null; }
        public virtual void CopyTo(Array array, int index) { }
        public virtual object Dequeue() { throw null; }
        public virtual void Enqueue(object obj) { }
        public virtual IEnumerator GetEnumerator() { throw null; }
        public virtual object Peek() { throw null; }
        public virtual object[] ToArray() { throw null; }
    }

    [Serializable]
    public class Stack : ICollection, ICloneable
    {
        public Stack() { }
        public virtual int Count { get { throw null; } }
        public virtual bool IsSynchronized { get { throw null; } }
        public virtual object SyncRoot { get { throw null; } }
        public virtual void Clear() { }
        public virtual object Clone() { throw null; }
        public virtual bool Contains(object obj) { throw null; }
        public virtual void CopyTo(Array array, int index) { }
        public virtual IEnumerator GetEnumerator() { throw null; }
        public virtual object Peek() { throw null; }
        public virtual object Pop() { throw null; }
        public virtual void Push(object obj) { }
        public virtual object[] ToArray() { throw null; }
    }
}
