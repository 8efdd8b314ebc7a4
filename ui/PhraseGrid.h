#pragma once

#include <QFrame>
#include <QStringList>

class QGridLayout;

namespace ls::ui {

// A recovery phrase as people copy it onto paper: numbered words in columns, read down. Each
// word's label is named "<prefix><number>" and carries the word in its "word" property.
class PhraseGrid : public QFrame {
    Q_OBJECT

public:
    explicit PhraseGrid(QString labelPrefix, QWidget* parent = nullptr);

    void setWords(const QStringList& words);
    void clearWords();

private:
    QString m_prefix;
    QGridLayout* m_grid = nullptr;
};

} // namespace ls::ui
