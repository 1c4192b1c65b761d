<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>HoSo gặp lỗi không mong đợi: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung bạn đang nhập chưa lưu đã được giữ lại và sẽ được mở lại lần sau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có {count} hồ sơ đang nhập dở từ lần trước chưa được lưu. Mở lại để tiếp tục?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VD: DN.SNV.TCBM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Không có — đơn vị cấp cao nhất)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị cấp trên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điều động, chuyển công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luân chuyển</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biệt phái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển đơn vị: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị chuyển đến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thư mục dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thay đổi thư mục dữ liệu hoặc ngôn ngữ có hiệu lực khi mở lại chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn thư mục dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới thiệu HoSo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;HoSo {version}&lt;/h3&gt;&lt;p&gt;Quản lý hồ sơ cán bộ, công chức, viên chức theo Mẫu 2C-BNV/2008, HS02-VC/BNV và Nghị định 27/2026/NĐ-CP.&lt;/p&gt;&lt;p&gt;Cơ sở dữ liệu: {database}&lt;/p&gt;&lt;p&gt;Phông chữ Liberation Serif theo giấy phép SIL OFL 1.1.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HoSo — Quản lý hồ sơ cán bộ, công chức, viên chức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nạp dữ liệu mẫu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm hồ sơ mới…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển đơn vị…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa hồ sơ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm kiếm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn &amp;vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm đơn vị…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đổi tên đơn vị…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển đơn vị sang cấp trên khác…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giải thể đơn vị…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In sơ yếu lý lịch (2C / HS02)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In hồ sơ cả đơn vị…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In danh sách đang xem…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo cáo số lượng, chất lượng…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cảnh báo đến hạn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mức đầy đủ của hồ sơ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiểm tra chất lượng dữ liệu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập từ tệp Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xuất danh sách đang xem ra Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa hồ sơ đang chọn? Hồ sơ đã xóa vẫn có thể khôi phục.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm {count} hồ sơ mẫu vào cơ sở dữ liệu này?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nạp dữ liệu mẫu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tạo hồ sơ mẫu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không dùng được thư mục {folder}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm theo họ tên, số CCCD, đơn vị… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới tính: tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại: tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mọi tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Độ tuổi: tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuổi {band}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đảng viên: tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Là đảng viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không là đảng viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngạch: tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gồm đơn vị trực thuộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ảnh 4 × 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngạch, bậc, hệ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trình độ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày vào Đảng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày nghỉ hưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nâng bậc lương tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mức đầy đủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa chọn hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (đã giải thể)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đổi tên đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Cấp cao nhất)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị cấp trên mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giải thể đơn vị này từ hôm nay?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giải thể</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CccdCheck</name>
    <message>
        <source>chưa xếp đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD này đã có trong hồ sơ của {name} (đơn vị {unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — hồ sơ đó đã bị xóa, hãy khôi phục thay vì tạo mới</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CccdEdit</name>
    <message>
        <source>12 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Nam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyên môn, nghiệp vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quản lý nhà nước, chức danh nghề nghiệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quốc phòng, an ninh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngoại ngữ, tiếng dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Làm việc trong chế độ cũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quan hệ với tổ chức ở nước ngoài</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bản thân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bên vợ (chồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khen thưởng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh hiệu thi đua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỷ luật Đảng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỷ luật hành chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỷ luật đoàn thể</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuyển dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bầu cử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bổ nhiệm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bổ nhiệm lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quy hoạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điều động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luân chuyển</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biệt phái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thôi việc, từ chức, miễn nhiệm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nghỉ hưu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Gõ ngày, tháng, năm liền nhau: 12031985 → 12/03/1985</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày chưa nhập đủ (dạng dd/mm/yyyy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày {date} không có thật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày {date} quá xa trong quá khứ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierForm</name>
    <message>
        <source>Điền tự động theo mã ngạch khi lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tự tính theo ngạch, bậc khi lưu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Mẫu 2C-BNV/2008, mục {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu HS02-VC/BNV, mục {item}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Số CCCD (số định danh cá nhân)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày cấp CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi cấp CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CMND cũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số hiệu cán bộ, công chức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên khai sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên gọi khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ biết năm sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi sinh (ghi theo địa danh cũ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi sinh — tỉnh, thành phố (2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi sinh — xã, phường (2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quê quán (ghi theo địa danh cũ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quê quán — tỉnh, thành phố (2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quê quán — xã, phường (2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tôn giáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi đăng ký hộ khẩu thường trú (địa danh cũ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thường trú — tỉnh, thành phố (2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thường trú — xã, phường (2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thường trú — số nhà, đường, thôn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi ở hiện nay (địa danh cũ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi ở — tỉnh, thành phố (2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi ở — xã, phường (2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi ở — số nhà, đường, thôn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số điện thoại liên hệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thành phần gia đình xuất thân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nghề nghiệp khi được tuyển dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày tuyển dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan tuyển dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày vào cơ quan hiện đang công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hết tập sự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ (chức danh) hiện tại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày bổ nhiệm chức vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày bổ nhiệm lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ kiêm nhiệm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ Đảng hiện tại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ Đảng kiêm nhiệm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Được quy hoạch chức danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Công việc chính được giao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sở trường công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Công việc làm lâu nhất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã ngạch / chức danh nghề nghiệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh mục mã ngạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày bổ nhiệm ngạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bậc lương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hệ số lương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hưởng bậc lương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phần trăm hưởng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phụ cấp thâm niên vượt khung (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hưởng phụ cấp thâm niên vượt khung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phụ cấp chức vụ (hệ số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phụ cấp kiêm nhiệm (hệ số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phụ cấp khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vị trí việc làm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã vị trí việc làm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lương theo mức tiền (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hưởng lương theo mức tiền</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trình độ giáo dục phổ thông</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trình độ chuyên môn cao nhất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyên ngành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quản lý nhà nước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngoại ngữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Học hàm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Năm phong học hàm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày vào Đảng Cộng sản Việt Nam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày chính thức vào Đảng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày tham gia tổ chức chính trị - xã hội</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tổ chức chính trị - xã hội và công việc trong tổ chức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày nhập ngũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày xuất ngũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quân hàm cao nhất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh hiệu được phong tặng cao nhất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khen thưởng (hình thức cao nhất, năm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỷ luật (hình thức cao nhất, năm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tình trạng sức khoẻ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiều cao (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cân nặng (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhóm máu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thương binh hạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con gia đình chính sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đối tượng chính sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số sổ BHXH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số thẻ BHYT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bị bắt, bị tù; làm việc trong chế độ cũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quan hệ với tổ chức ở nước ngoài</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thân nhân ở nước ngoài</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu nhập từ tiền lương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Các nguồn thu nhập khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhà ở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đất ở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đất sản xuất, kinh doanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận xét, đánh giá của cơ quan, đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại đào tạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên trường, cơ sở đào tạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức đào tạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Văn bằng, chứng chỉ, trình độ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trình độ (mã)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên ngoại ngữ / tiếng dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điểm số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức danh, chức vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diễn giải</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mối quan hệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Năm sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quê quán, nghề nghiệp, chức vụ, nơi ở…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã mất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tháng/năm hưởng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã ngạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bậc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiền lương theo vị trí việc làm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số tháng nâng bậc trước thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại phụ cấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hệ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức hưởng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giá trị (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức / danh hiệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cấp quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại kỷ luật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức kỷ luật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hành vi vi phạm chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xếp loại chất lượng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xếp loại chuyên môn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xếp loại thi đua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hiệu lực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày kết thúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ, chức danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Năm kê khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại kê khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày kê khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tổng thu nhập (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tóm tắt tài sản, thu nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá trình đào tạo, bồi dưỡng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá trình công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lịch sử bản thân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quan hệ gia đình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá trình lương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phụ cấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khen thưởng, danh hiệu thi đua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đánh giá, xếp loại hằng năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuyển dụng, bổ nhiệm, điều động, luân chuyển, biệt phái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kê khai tài sản, thu nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Công chức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viên chức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hợp đồng lao động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã nghỉ hưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã chuyển công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã thôi việc</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Tên tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ảnh 4 x 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn ảnh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa ảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp đính kèm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm tệp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu thành…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bản quét quyết định, văn bằng, chứng chỉ… Nhấp đúp vào cột Mô tả của tệp mới để ghi mô tả. Ảnh và tệp được lưu cùng hồ sơ khi bấm Lưu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ảnh (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn ảnh 4 x 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không đọc được ảnh {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm tệp đính kèm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không đọc được tệp {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp {name} rỗng hoặc lớn quá 20 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu tệp đính kèm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp mới, chưa lưu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberEdit</name>
    <message>
        <source>Phải là số nguyên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 2,34)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã ngạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bậc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hệ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày nghỉ hưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày vào Đảng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Sơ yếu lý lịch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 1–9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Định danh (mục 25)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–3. Họ tên, ngày sinh, giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4–5. Nơi sinh, quê quán</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6–7. Dân tộc, tôn giáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8–9. Thường trú, nơi ở hiện nay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuyển dụng, công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 10–14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10–11. Tuyển dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12–13. Chức vụ, công việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>14. Ngạch, bậc lương (HS02 mục 30.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>14. Phụ cấp (HS02 mục 30.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vị trí việc làm, lương theo mức tiền (HS02 mục 30.3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trình độ, Đảng, quân ngũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 15–20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15. Trình độ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16–17. Đảng, tổ chức chính trị - xã hội</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18. Quân ngũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>19–20. Danh hiệu, sở trường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khen thưởng, sức khỏe, bảo hiểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 21–26 (mục 25, số CCCD: trang Sơ yếu lý lịch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>21–22. Khen thưởng, kỷ luật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>23. Sức khỏe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24. Chính sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>26. Bảo hiểm xã hội</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>27. Đào tạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 27</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>28. Công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>29. Lịch sử bản thân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 29</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>29. Đặc điểm lịch sử bản thân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30. Gia đình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>31. Lương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bổ sung HS02</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu HS02-VC/BNV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liên hệ, bảo hiểm y tế (HS02 mục 8–9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xuất thân, chính sách (HS02 mục 11, 14, 18)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Học hàm (HS02 mục 21)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quy hoạch, chức vụ Đảng (HS02 mục 24–29)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NĐ 27/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dữ liệu theo Nghị định 27/2026/NĐ-CP (cơ sở dữ liệu CBCCVC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoàn cảnh kinh tế</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32. Nhận xét</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32. Nhận xét, đánh giá</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ảnh và tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ảnh 4 x 6 và tệp đính kèm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phụ cấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khen thưởng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đánh giá hằng năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kê khai tài sản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không mở được hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu hồ sơ (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng, không lưu (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm hồ sơ mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị: {name} ({code}). Đổi đơn vị bằng lệnh Chuyển đơn vị ở cửa sổ chính.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị: chưa xếp đơn vị.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ chưa được lưu: có {count} lỗi, xem các ô được đánh dấu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu được hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu, xin kiểm tra lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ đã được lưu. Lưu ý:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ có thay đổi chưa lưu. Lưu trước khi đóng?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoFrame</name>
    <message>
        <source>Ảnh màu 4 x 6

Kéo thả tệp ảnh vào đây</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickEntryDialog</name>
    <message>
        <source>Thêm hồ sơ mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(chưa chọn đơn vị)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điền sẵn theo đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm các giá trị phần lớn người trong đơn vị có chung: cơ quan tuyển dụng, loại cán bộ, dân tộc, tôn giáo, tỉnh, trình độ phổ thông, mã ngạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạo hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập các thông tin tối thiểu; hồ sơ đầy đủ mở ra ngay sau khi tạo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không tạo được hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionTable</name>
    <message>
        <source>Thêm dòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa dòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
