#pragma once

#include <QByteArray>
#include <QHash>

namespace ls::node::rpc {

// Counts open connections in total and per client key, and refuses the ones over either cap.
class ConnectionLimiter {
public:
    ConnectionLimiter(int maxTotal, int maxPerClient)
        : m_maxTotal(maxTotal)
        , m_maxPerClient(maxPerClient)
    {
    }

    // Counts the connection and returns true, or returns false and counts nothing.
    bool tryAdd(const QByteArray& key)
    {
        auto& count = m_perClient[key];
        if (m_total >= m_maxTotal || count >= m_maxPerClient) {
            if (count == 0)
                m_perClient.remove(key);
            return false;
        }
        ++count;
        ++m_total;
        return true;
    }

    void remove(const QByteArray& key)
    {
        auto it = m_perClient.find(key);
        if (it == m_perClient.end())
            return;
        --m_total;
        if (--*it <= 0)
            m_perClient.erase(it);
    }

    int total() const { return m_total; }

private:
    int m_maxTotal;
    int m_maxPerClient;
    int m_total = 0;
    QHash<QByteArray, int> m_perClient;
};

} // namespace ls::node::rpc
