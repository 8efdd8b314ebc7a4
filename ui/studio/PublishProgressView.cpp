#include "ui/studio/PublishProgressView.h"

#include "ui/studio/StudioWidgets.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

const char* const kStageNames[] = { "publishStagePreparing", "publishStageRegistering",
    "publishStageEncrypting", "publishStageHashing", "publishStageSeeding" };

} // namespace

PublishProgressView::PublishProgressView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    for (int i = 0; i < kStages; ++i) {
        m_stages[static_cast<std::size_t>(i)] = new QLabel(this);
        stageLabel(i)->setObjectName(QString::fromLatin1(kStageNames[i]));
        layout->addWidget(stageLabel(i));
    }
    m_current = new QLabel(this);
    m_current->setObjectName(QStringLiteral("publishStage"));
    m_current->setWordWrap(true);
    m_bytes = new QProgressBar(this);
    m_bytes->setObjectName(QStringLiteral("publishBytes"));
    m_txHash = new QLabel(this);
    m_txHash->setObjectName(QStringLiteral("publishTxHash"));
    m_txHash->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_txHash->setWordWrap(true);
    m_result = studio::errorLabel(QStringLiteral("publishResult"), this);
    layout->addSpacing(8);
    layout->addWidget(m_current);
    layout->addWidget(m_bytes);
    layout->addWidget(m_txHash);
    layout->addWidget(m_result);
    layout->addStretch(1);
    reset();
}

QString PublishProgressView::stageText(api::PublishStage stage)
{
    switch (stage) {
    case api::PublishStage::Preparing:
        return tr("Preparing the title key and the public metadata");
    case api::PublishStage::Registering:
        return tr("Registering on the chain");
    case api::PublishStage::Encrypting:
        return tr("Encrypting the file");
    case api::PublishStage::Hashing:
        return tr("Hashing the encrypted file for the swarm");
    case api::PublishStage::Seeding:
        return tr("Seeding to the swarm");
    }
    return {};
}

void PublishProgressView::reset()
{
    m_reached = -1;
    for (int i = 0; i < kStages; ++i) {
        stageLabel(i)->setText(QStringLiteral("○ ") + stageText(api::PublishStage(i)));
        stageLabel(i)->setProperty("reached", false);
        stageLabel(i)->setEnabled(false);
    }
    m_current->setText(tr("Starting…"));
    m_bytes->setRange(0, 0); // busy until there are bytes to count
    m_bytes->setValue(0);
    m_txHash->clear();
    m_result->clear();
}

void PublishProgressView::showProgress(const api::PublishProgress& progress)
{
    const int index = static_cast<int>(progress.stage);
    // A version's own Catalog transaction comes after hashing: the earlier marks stay.
    m_reached = std::max(m_reached, index);
    for (int i = 0; i < kStages; ++i) {
        const bool reached = i <= m_reached;
        const bool current = i == index;
        stageLabel(i)->setEnabled(reached);
        stageLabel(i)->setProperty(
            "reached", stageLabel(i)->property("reached").toBool() || reached);
        stageLabel(i)->setText((current          ? QStringLiteral("▶ ")
                                       : reached ? QStringLiteral("✓ ")
                                                 : QStringLiteral("○ "))
            + stageText(api::PublishStage(i)));
    }
    QString text = stageText(progress.stage) + QStringLiteral("…");
    if (progress.resumed)
        text = tr("Continuing where it stopped: %1").arg(text);
    m_current->setText(text);
    if (progress.stage == api::PublishStage::Encrypting && progress.total > 0) {
        // Per mille keeps the bar's int range for files of any size.
        m_bytes->setRange(0, 1000);
        m_bytes->setValue(static_cast<int>(progress.done * 1000 / progress.total));
        m_bytes->setFormat(tr("%1 of %2")
                               .arg(QLocale().formattedDataSize(qint64(progress.done)),
                                   QLocale().formattedDataSize(qint64(progress.total))));
    } else if (progress.stage == api::PublishStage::Encrypting
        || progress.stage == api::PublishStage::Preparing) {
        m_bytes->setRange(0, 0);
    } else if (progress.stage > api::PublishStage::Encrypting) {
        m_bytes->setRange(0, 1000);
        m_bytes->setValue(1000);
        m_bytes->setFormat(tr("Encrypted"));
    }
    if (!progress.txHash.empty())
        m_txHash->setText(tr("Transaction %1").arg(QString::fromStdString(progress.txHash)));
    Q_EMIT stageShown(progress.stage, QString::fromStdString(progress.txHash));
}

void PublishProgressView::showDone(const Result<api::PublishedVersion>& result, bool resumable)
{
    m_bytes->setRange(0, 1);
    m_bytes->setValue(1);
    m_bytes->setFormat(QString());
    if (!result) {
        m_current->setText(tr("The publication stopped."));
        studio::setErrorStyle(m_result, true);
        const QString message = QString::fromStdString(result.error().message);
        m_result->setText(resumable ? tr("%1. What was done so far is kept: Resume under "
                                         "Unfinished publications continues from there.")
                                          .arg(message)
                                    : tr("%1. Nothing was published.").arg(message));
        return;
    }
    for (int i = 0; i < kStages; ++i) {
        stageLabel(i)->setEnabled(true);
        stageLabel(i)->setProperty("reached", true);
        stageLabel(i)->setText(QStringLiteral("✓ ") + stageText(api::PublishStage(i)));
    }
    m_current->setText(
        tr("Published: title %1, version %2.").arg(result->titleId).arg(result->version));
    studio::setErrorStyle(m_result, false);
    m_result->setText(tr("The encrypted file is seeding; buyers can fetch it now."));
}

void PublishProgressView::showCancelled()
{
    m_bytes->setRange(0, 1);
    m_bytes->setValue(0);
    m_current->setText(tr("Cancelled."));
    studio::setErrorStyle(m_result, false);
    m_result->setText(tr("What was done so far is kept: Resume under Unfinished publications "
                         "continues from there (a transaction already sent may still be "
                         "included; resuming finds it)."));
}

} // namespace ls::ui
