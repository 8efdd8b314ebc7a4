#pragma once

#include "core/api/Chain.h"

#include <QWidget>

#include <functional>
#include <map>
#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ls::ui {

// The Wallet's history (DESIGN.md §6): the account's purchases, sales, publications and PHT
// transfers sent and received, newest first, each proven by its transaction's receipt in a
// verified block (api::Chain::activity). A server can leave entries out — nothing proves a list
// is whole — but cannot invent or alter one; the note under the table says so.
class HistoryView : public QWidget {
    Q_OBJECT

public:
    explicit HistoryView(QWidget* parent = nullptr);

    // Reads the history of `address` again (nullptr chain: empties the table).
    void load(api::Chain* chain, const std::string& address);
    const std::vector<api::AccountActivity>& entries() const { return m_entries; }
    // How purchases, sales and publications name their title: the name, or empty when it is not
    // known (then "Title #N"). Shown at once, and for every load after.
    using TitleNames = std::function<std::map<std::uint64_t, QString>()>;
    void setTitleNames(TitleNames names);

protected:
    // Names learnt since the last load (a bought title's details arrive after the purchase).
    void showEvent(QShowEvent* event) override;

private:
    void show(Result<std::vector<api::AccountActivity>> entries);
    void showRows();
    void copySelectedHash();

    TitleNames m_titleNames;
    api::Chain::Handle m_read;
    std::vector<api::AccountActivity> m_entries; // what is shown, newest first
    QTableWidget* m_table = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_copy = nullptr;
};

} // namespace ls::ui
